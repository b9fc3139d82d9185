import Papa from 'papaparse';
import { z } from 'zod';
import { PhraseAspect, PhraseLevel } from '../schemas/phrase';
import { Subject } from '../schemas/subjects';

/**
 * The phrase import/export format, as CSV or JSON. Columns:
 * `text` (required), `subject` (Skolverket code, empty = all subjects), `aspect` (knowledge /
 * social / planning, empty = knowledge), `level` (E / C / A or empty), `tags` (separated by `|`).
 */
export const PHRASE_COLUMNS = ['text', 'subject', 'aspect', 'level', 'tags'] as const;
export const TAG_SEPARATOR = '|';

export const PhraseTransfer = z
  .object({
    text: z.string().trim().min(1, 'text is empty').max(1000, 'text is longer than 1000 characters'),
    subject: Subject.nullable().default(null),
    aspect: PhraseAspect.default('knowledge'),
    level: PhraseLevel.nullable().default(null),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  })
  .strict();
export type PhraseTransfer = z.infer<typeof PhraseTransfer>;

export const PHRASE_FILE_FORMAT = 'iup-stod-phrases';
export const PhraseFile = z.object({
  format: z.literal(PHRASE_FILE_FORMAT),
  version: z.literal(1),
  phrases: z.array(z.unknown()),
});

export interface RowError {
  /** 1-based data row (CSV: the header is row 0), or array index + 1 for JSON. */
  row: number;
  field: string | null;
  /** In English, for logs and the API; pages show `code` in the teacher's language when it is set. */
  message: string;
  /** What is wrong, for a translated message (see ROW_ERROR_CODES); `values` fill it in. */
  code?: RowErrorCode;
  values?: string[];
}

/** Row problems a page can explain in Swedish or English without the internal field keys. */
export const ROW_ERROR_CODES = [
  'empty',
  'too-long',
  'name-characters',
  'duplicate-id',
  'not-arskurs',
  'unknown-skolform',
  'arskurs-range',
  'pronoun',
  'no-column',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export interface ParsedPhrases {
  phrases: { row: number; phrase: PhraseTransfer }[];
  errors: RowError[];
}

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

function validateRow(raw: unknown, row: number, out: ParsedPhrases) {
  const parsed = PhraseTransfer.safeParse(raw);
  if (parsed.success) out.phrases.push({ row, phrase: parsed.data });
  else
    for (const issue of parsed.error.issues)
      out.errors.push({ row, field: issue.path.map(String).join('.') || null, message: issue.message });
}

/** Parse a CSV export (`;` or `,`, header row required); every bad row is reported, none dropped silently. */
export function parsePhraseCsv(content: string): ParsedPhrases {
  const out: ParsedPhrases = { phrases: [], errors: [] };
  const result = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const headers = result.meta.fields ?? [];
  if (!headers.includes('text')) {
    out.errors.push({
      row: 0,
      field: 'text',
      message: `the header must name the columns ${PHRASE_COLUMNS.join(', ')}`,
    });
    return out;
  }
  const unknown = headers.filter((h) => !(PHRASE_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    out.errors.push({ row: 0, field: null, message: `unknown columns ignored: ${unknown.join(', ')}` });
  for (const e of result.errors) out.errors.push({ row: (e.row ?? -1) + 1, field: null, message: e.message });
  const badRows = new Set(result.errors.map((e) => (e.row ?? -1) + 1));
  result.data.forEach((r, i) => {
    const row = i + 1;
    if (badRows.has(row)) return;
    const tags = (r.tags ?? '')
      .split(TAG_SEPARATOR)
      .map((t) => t.trim())
      .filter(Boolean);
    validateRow(
      {
        text: r.text ?? '',
        subject: emptyToNull(r.subject),
        aspect: emptyToNull(r.aspect) ?? undefined,
        level: emptyToNull(r.level),
        tags,
      },
      row,
      out,
    );
  });
  return out;
}

/** Parse the JSON export (`{format, version, phrases}`) or a bare array of phrases. */
export function parsePhraseJson(content: string): ParsedPhrases {
  const out: ParsedPhrases = { phrases: [], errors: [] };
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    out.errors.push({ row: 0, field: null, message: 'the file is not valid JSON' });
    return out;
  }
  const file = Array.isArray(data) ? { success: true as const, data: { phrases: data } } : PhraseFile.safeParse(data);
  if (!file.success) {
    out.errors.push({
      row: 0,
      field: null,
      message: `expected {"format":"${PHRASE_FILE_FORMAT}","version":1,"phrases":[…]} or an array`,
    });
    return out;
  }
  file.data.phrases.forEach((p, i) => validateRow(p, i + 1, out));
  return out;
}

const toRecord = (p: PhraseTransfer) => ({
  text: p.text,
  subject: p.subject ?? '',
  aspect: p.aspect,
  level: p.level ?? '',
  tags: p.tags.join(TAG_SEPARATOR),
});

/** CSV with `;` (what Swedish Excel expects) and a BOM so Excel reads å ä ö as UTF-8. */
export function phrasesToCsv(phrases: readonly PhraseTransfer[]): string {
  return `\uFEFF${Papa.unparse({ fields: [...PHRASE_COLUMNS], data: phrases.map(toRecord) }, { delimiter: ';', newline: '\r\n', quotes: false })}\r\n`;
}

export function phrasesToJson(phrases: readonly PhraseTransfer[]): string {
  return `${JSON.stringify({ format: PHRASE_FILE_FORMAT, version: 1, phrases }, null, 2)}\n`;
}
