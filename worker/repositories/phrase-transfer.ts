import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { normalisePhraseText, type Phrase, type PhraseImportReport } from '../../shared/index';
import { STARTER_BANK } from '../../shared/phrases/starter-bank';
import { parsePhraseCsv, parsePhraseJson, type PhraseTransfer } from '../../shared/phrases/transfer';
import type { Actor } from '../context';
import type { Db, Executor } from '../db/client';
import { phrases } from '../db/schema';
import { ForbiddenError, ValidationError } from '../errors';
import { recordAudit } from './audit';
import { canGovern, createPhrase, phraseVisible, toPhrase, updatePhrase } from './phrases';
import { assertTeamVisible } from './teams';

export interface ImportTarget {
  scope: 'team' | 'school';
  teamId: string | null;
  dryRun: boolean;
}

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);
const sameContent = (p: Phrase, t: PhraseTransfer) =>
  p.text === t.text &&
  p.subject === t.subject &&
  p.aspect === t.aspect &&
  p.level === t.level &&
  sameTags(p.tags, t.tags);

async function checkTarget(db: Executor, actor: Actor, target: ImportTarget): Promise<SQL> {
  if ((target.scope === 'team') !== (target.teamId !== null))
    throw new ValidationError('A team import needs teamId; a school import has none.', { field: 'teamId' });
  if (target.teamId) await assertTeamVisible(db, actor, target.teamId);
  if (!canGovern(actor, target)) throw new ForbiddenError('Only a team lead or an admin can import phrases.');
  return target.teamId ? eq(phrases.teamId, target.teamId) : and(eq(phrases.scope, 'school'), isNull(phrases.teamId))!;
}

/**
 * Import phrases into a team's or the school's bank. A phrase whose normalised text already
 * exists is updated only when its fields differ, so importing an export changes nothing.
 * A file with any invalid row writes nothing; the error lists every row.
 */
export async function importPhrases(
  db: Db,
  actor: Actor,
  rows: { row: number; phrase: PhraseTransfer }[],
  target: ImportTarget,
  at: string,
): Promise<PhraseImportReport> {
  const inTarget = await checkTarget(db, actor, target);
  const existing = (
    await db
      .select()
      .from(phrases)
      .where(and(phraseVisible(actor), eq(phrases.deleted, false), inTarget))
  ).map(toPhrase);
  const byText = new Map(existing.map((p) => [normalisePhraseText(p.text), p]));
  const report: PhraseImportReport = { dryRun: target.dryRun, created: 0, updated: 0, unchanged: 0, skipped: [] };
  const seen = new Set<string>();
  const creates: PhraseTransfer[] = [];
  const updates: { id: string; phrase: PhraseTransfer }[] = [];
  for (const { row, phrase } of rows) {
    const key = normalisePhraseText(phrase.text);
    if (seen.has(key)) {
      report.skipped.push({ row, reason: 'the same text appears earlier in the file' });
      continue;
    }
    seen.add(key);
    const match = byText.get(key);
    if (!match) {
      creates.push(phrase);
      report.created++;
      continue;
    }
    if (match.status === 'retired') {
      report.skipped.push({ row, reason: 'a retired phrase has this text; approve it again in the team view' });
      continue;
    }
    if (sameContent(match, phrase)) {
      report.unchanged++;
      continue;
    }
    updates.push({ id: match.id, phrase });
    report.updated++;
  }
  if (target.dryRun || creates.length + updates.length === 0) return report;
  // One transaction: a failure half-way leaves the bank as it was.
  await db.transaction(async (tx) => {
    for (const p of creates)
      await createPhrase(tx, actor, { ...p, scope: target.scope, teamId: target.teamId, status: 'approved' }, at);
    for (const u of updates)
      await updatePhrase(
        tx,
        actor,
        u.id,
        {
          text: u.phrase.text,
          subject: u.phrase.subject,
          aspect: u.phrase.aspect,
          level: u.phrase.level,
          tags: u.phrase.tags,
        },
        at,
      );
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'import',
      entity: 'phrase-bank',
      entityId: target.teamId ?? actor.schoolId,
    });
  });
  return report;
}

export function parsePhraseFile(format: 'csv' | 'json', content: string) {
  const parsed = format === 'csv' ? parsePhraseCsv(content) : parsePhraseJson(content);
  if (parsed.errors.length)
    throw new ValidationError(`The file has ${parsed.errors.length} problem(s); nothing was imported.`, {
      rows: parsed.errors,
    });
  return parsed.phrases;
}

export const starterBankRows = () => STARTER_BANK.map((phrase, i) => ({ row: i + 1, phrase }));

/** The phrases as the import format expects them: what an export → import round trip keeps. */
export async function exportPhrases(
  db: Executor,
  actor: Actor,
  q: { scope?: 'team' | 'school'; teamId?: string; status: string },
): Promise<PhraseTransfer[]> {
  if (q.teamId) await assertTeamVisible(db, actor, q.teamId);
  const where: SQL[] = [
    phraseVisible(actor),
    eq(phrases.deleted, false),
    eq(phrases.status, q.status as Phrase['status']),
  ];
  if (q.scope) where.push(eq(phrases.scope, q.scope));
  if (q.teamId) where.push(eq(phrases.teamId, q.teamId));
  const rows = await db
    .select()
    .from(phrases)
    .where(and(...where))
    .orderBy(phrases.createdAt, phrases.id);
  return rows.map((r) => ({ text: r.text, subject: r.subject, aspect: r.aspect, level: r.level, tags: r.tags }));
}
