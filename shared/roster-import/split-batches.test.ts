import { describe, expect, it } from 'vitest';
import { decodeRosterBytes } from './decode';
import { parseRosterCsv } from './csv';
import { splitCsvBatches } from './split-batches';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 for the Latin-1 range the Swedish letters are in. */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

function rowsOf(bytes: Uint8Array) {
  const { text } = decodeRosterBytes(bytes);
  return parseRosterCsv(text);
}

const FILE = [
  'Elev-ID;Förnamn;Efternamn;Klass;Årskurs',
  ...Array.from({ length: 40 }, (_, i) => `x-${i};Åsa${i};Öberg;"3A";3`),
  '',
  'x-q;"Ann\nMarie";Ek;4B;4',
  'x-last;Lo;Lind;"4;B";4',
].join('\r\n');

describe('splitting a roster into batches', () => {
  it('keeps every row, in order, with the header in each batch, for UTF-8 with BOM and for Windows-1252', () => {
    for (const bytes of [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(FILE)]), cp1252(FILE)]) {
      const whole = rowsOf(bytes);
      const batches = splitCsvBatches(bytes, 200);
      expect(batches.length).toBeGreaterThan(5);
      const joined = batches.flatMap((b) => rowsOf(b.bytes).rows.map((r) => ({ ...r, row: r.row + b.rowOffset })));
      expect(joined).toEqual(whole.rows);
      expect(batches.every((b) => b.bytes.length <= 200)).toBe(true);
      expect(batches.reduce((n, b) => n + b.rows, 0)).toBe(42);
      // The quoted newline stayed inside its field (so the row is one record, refused as a name
      // with a line break, at its own row number), and so did the quoted delimiter.
      const joinedErrors = batches.flatMap((b) =>
        rowsOf(b.bytes).errors.map((e) => ({ ...e, row: e.row + b.rowOffset })),
      );
      expect(joinedErrors).toEqual(whole.errors);
      expect(whole.errors).toEqual([
        { row: 41, field: 'firstName', message: expect.stringContaining('line breaks'), code: 'name-characters' },
      ]);
      expect(joined.find((r) => r.externalId === 'x-last')).toMatchObject({ className: '4;B' });
      expect(joined.find((r) => r.externalId === 'x-1')?.firstName).toBe('Åsa1');
    }
  });

  it('sends a small file as one batch and refuses a row larger than a batch', () => {
    expect(splitCsvBatches(utf8(FILE), 1_000_000)).toHaveLength(1);
    expect(splitCsvBatches(utf8('id;förnamn\n'), 100)).toEqual([]);
    expect(() => splitCsvBatches(utf8(`id;förnamn\n1;${'a'.repeat(300)}\n`), 100)).toThrow(/row 1/);
  });
});
