import { describe, expect, it } from 'vitest';
import { checkWording } from '../wording/check-wording';
import { STARTER_BANK } from './starter-bank';
import { findSimilarPhrases } from './similarity';
import { parsePhraseCsv, parsePhraseJson, phrasesToCsv, phrasesToJson, PhraseTransfer } from './transfer';

describe('the starter bank', () => {
  it('has at least 150 valid phrases covering every subject area, social development and all three planning parties', () => {
    expect(STARTER_BANK.length).toBeGreaterThanOrEqual(150);
    for (const p of STARTER_BANK) expect(PhraseTransfer.safeParse(p).success, p.text).toBe(true);
    const subjects = new Set(STARTER_BANK.map((p) => p.subject));
    for (const s of ['SV', 'MA', 'EN', 'NO', 'SO', 'BL', 'MU', 'IDH', 'SL', 'TK'])
      expect(subjects.has(s), s).toBe(true);
    expect(STARTER_BANK.filter((p) => p.aspect === 'social').length).toBeGreaterThanOrEqual(10);
    for (const party of ['skolan', 'eleven', 'vårdnadshavare']) {
      expect(
        STARTER_BANK.filter((p) => p.aspect === 'planning' && p.tags.includes(party)).length,
        party,
      ).toBeGreaterThanOrEqual(5);
    }
    expect(new Set(STARTER_BANK.map((p) => p.level)).size).toBe(4);
  });

  it('passes the wording check, phrase by phrase', () => {
    const flagged = STARTER_BANK.map((p) => ({
      text: p.text,
      findings: checkWording(p.text, { kind: 'phrase' }).map((f) => `${f.rule}: ${f.excerpt}`),
    })).filter((p) => p.findings.length > 0);
    expect(flagged).toEqual([]);
  });

  it('has no near-duplicates of itself, apart from the same statement at another level', () => {
    const dupes = STARTER_BANK.flatMap((p, i) =>
      findSimilarPhrases(p.text, STARTER_BANK.slice(i + 1))
        .filter((s) => !(p.level && s.phrase.level && p.level !== s.phrase.level))
        .map((s) => [p.text, s.phrase.text]),
    );
    expect(dupes).toEqual([]);
  });

  it('survives a CSV and a JSON round trip unchanged', () => {
    const csv = parsePhraseCsv(phrasesToCsv(STARTER_BANK));
    expect(csv.errors).toEqual([]);
    expect(csv.phrases.map((p) => p.phrase)).toEqual(STARTER_BANK);
    const json = parsePhraseJson(phrasesToJson(STARTER_BANK));
    expect(json.errors).toEqual([]);
    expect(json.phrases.map((p) => p.phrase)).toEqual(STARTER_BANK);
  });
});

describe('phrase import files', () => {
  it('reads a comma-separated CSV from another tool and reports every bad row with its field', () => {
    const csv =
      'Text,Subject,Aspect,Level,Tags\n"Läser med flyt, och förstår",SV,,C,läsa|flyt\n,MA,knowledge,,\nRäknar,XX,knowledge,,\nRitar,BL,feelings,Z,\n';
    const parsed = parsePhraseCsv(csv);
    expect(parsed.phrases).toEqual([
      {
        row: 1,
        phrase: {
          text: 'Läser med flyt, och förstår',
          subject: 'SV',
          aspect: 'knowledge',
          level: 'C',
          tags: ['läsa', 'flyt'],
        },
      },
    ]);
    expect(parsed.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'text'],
      [3, 'subject'],
      [4, 'aspect'],
      [4, 'level'],
    ]);
  });

  it('refuses a CSV without the text column and JSON that is not an export', () => {
    expect(parsePhraseCsv('namn;ämne\nx;y\n').errors[0]?.field).toBe('text');
    expect(parsePhraseJson('{"phrases": 3}').errors).toHaveLength(1);
    expect(parsePhraseJson('not json').errors[0]?.message).toMatch(/JSON/);
  });
});
