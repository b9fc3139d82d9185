import Papa from 'papaparse';
import { nameProblem, normaliseName } from '../schemas/text-rules';
import { ARSKURS_RANGE, Pronoun, type Skolform } from '../schemas/pupil';
import type { RowError } from '../phrases/transfer';
import { ROSTER_FIELDS, type RosterField } from '../schemas/roster-import';

/** One pupil row from a roster file, validated; the class is a name (a klass group is created if new). */
export interface RosterRow {
  row: number;
  externalId: string;
  firstName: string;
  lastName: string;
  skolform: Skolform;
  arskurs: number;
  className: string | null;
  /** Absent: keep what the school set (the systems rosters come from rarely know it). */
  pronoun?: Pronoun;
  /** The class's id in the source system (SS 12000), when it has one. */
  classExternalId?: string | null;
  /** Sekretessmarkering or skyddad folkbokföring (SS 12000): shown only to the pupil's own teachers. */
  securityMarked?: boolean;
}

export { ROSTER_FIELDS, type RosterField } from '../schemas/roster-import';

/** Header names seen in Swedish school exports (lower-cased), per field. */
const ALIASES: Record<RosterField, string[]> = {
  externalId: [
    'elev-id',
    'elevid',
    'id',
    'externt id',
    'extern id',
    'external id',
    'externalid',
    'lms-id',
    'användar-id',
    'anvandar-id',
    'userid',
    'user id',
    'elevnummer',
  ],
  firstName: ['förnamn', 'fornamn', 'first name', 'firstname', 'givenname', 'tilltalsnamn'],
  lastName: ['efternamn', 'last name', 'lastname', 'familyname', 'surname'],
  className: ['klass', 'class', 'klassnamn', 'grupp', 'group'],
  arskurs: ['årskurs', 'arskurs', 'åk', 'ak', 'grade', 'year', 'schoolyear'],
  skolform: ['skolform', 'school type', 'schooltype', 'schooltyp'],
  pronoun: ['pronomen', 'pronoun'],
};

const SKOLFORM: Record<string, Skolform> = {
  gr: 'grundskola',
  grundskola: 'grundskola',
  fklass: 'forskoleklass',
  fk: 'forskoleklass',
  förskoleklass: 'forskoleklass',
  forskoleklass: 'forskoleklass',
  grs: 'anpassad-grundskola',
  'anpassad grundskola': 'anpassad-grundskola',
  'anpassad-grundskola': 'anpassad-grundskola',
  grundsärskola: 'anpassad-grundskola',
  sp: 'specialskola',
  specialskola: 'specialskola',
  sam: 'sameskola',
  sameskola: 'sameskola',
};

export interface ParsedRoster {
  rows: RosterRow[];
  errors: RowError[];
  /** Which header was read as which field, for the preview. */
  columns: Partial<Record<RosterField, string>>;
  delimiter: string;
}

function parseArskurs(raw: string): number | null {
  const v = raw
    .trim()
    .toLowerCase()
    .replace(/^åk\s*/, '');
  if (v === 'f' || v === 'fk' || v === 'förskoleklass') return 0;
  return /^\d{1,2}$/.test(v) ? Number(v) : null;
}

/**
 * Read a roster CSV (`;` or `,`, header row) into validated rows. `mapping` overrides the header
 * detection (field → header). Every problem is reported with its row; nothing is guessed silently.
 */
export function parseRosterCsv(text: string, mapping: Partial<Record<RosterField, string>> = {}): ParsedRoster {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [';', ',', '\t'],
  });
  const headers = result.meta.fields ?? [];
  const columns: Partial<Record<RosterField, string>> = {};
  for (const field of ROSTER_FIELDS) {
    const wanted = mapping[field]?.trim().toLowerCase();
    const header = headers.find((h) =>
      wanted ? h.trim().toLowerCase() === wanted : ALIASES[field].includes(h.trim().toLowerCase()),
    );
    if (header !== undefined) columns[field] = header;
  }
  const out: ParsedRoster = { rows: [], errors: [], columns, delimiter: result.meta.delimiter };
  for (const required of ['externalId', 'firstName', 'lastName', 'arskurs'] as const) {
    if (!columns[required])
      out.errors.push({
        row: 0,
        field: required,
        message: `no column for ${required}; headers: ${headers.join(', ')}`,
        code: 'no-column',
        values: [headers.join(', ')],
      });
  }
  if (out.errors.length) return out;
  const seen = new Map<string, number>();
  result.data.forEach((r, i) => {
    const row = i + 1;
    const get = (f: RosterField) => (columns[f] ? (r[columns[f]] ?? '').trim() : '');
    const problems: RowError[] = [];
    const externalId = get('externalId');
    if (!externalId) problems.push({ row, field: 'externalId', message: 'empty id', code: 'empty' });
    else if (nameProblem(externalId))
      problems.push({ row, field: 'externalId', message: nameProblem(externalId)!, code: 'name-characters' });
    else if (seen.has(externalId))
      problems.push({
        row,
        field: 'externalId',
        message: `the same id as row ${seen.get(externalId)}`,
        code: 'duplicate-id',
        values: [String(seen.get(externalId))],
      });
    else seen.set(externalId, row);
    // The same rules as every other way a name comes in (a quoted line break is not a name).
    const name = (field: 'firstName' | 'lastName' | 'className', optional = false): string | null => {
      const value = normaliseName(get(field));
      if (!value) {
        if (!optional) problems.push({ row, field, message: 'empty', code: 'empty' });
        return null;
      }
      if (value.length > 100) {
        problems.push({ row, field, message: 'longer than 100 characters', code: 'too-long', values: ['100'] });
        return null;
      }
      const problem = nameProblem(value);
      if (problem) {
        problems.push({ row, field, message: problem, code: 'name-characters' });
        return null;
      }
      return value;
    };
    const firstName = name('firstName');
    const lastName = name('lastName');
    const className = name('className', true);
    const arskurs = parseArskurs(get('arskurs'));
    if (arskurs === null)
      problems.push({
        row,
        field: 'arskurs',
        message: `"${get('arskurs')}" is not an årskurs (F, 0–10)`,
        code: get('arskurs') ? 'not-arskurs' : 'empty',
        values: [get('arskurs')],
      });
    const rawForm = get('skolform').toLowerCase();
    const skolform: Skolform | undefined = rawForm ? SKOLFORM[rawForm] : arskurs === 0 ? 'forskoleklass' : 'grundskola';
    if (!skolform)
      problems.push({
        row,
        field: 'skolform',
        message: `unknown skolform "${get('skolform')}"`,
        code: 'unknown-skolform',
        values: [get('skolform')],
      });
    else if (arskurs !== null) {
      const [min, max] = ARSKURS_RANGE[skolform];
      if (arskurs < min || arskurs > max)
        problems.push({
          row,
          field: 'arskurs',
          message: `årskurs for ${skolform} is ${min}–${max}`,
          code: 'arskurs-range',
          values: [skolform, String(min), String(max)],
        });
    }
    const rawPronoun = get('pronoun').toLowerCase();
    const pronoun = rawPronoun ? Pronoun.safeParse(rawPronoun) : null;
    if (pronoun && !pronoun.success)
      problems.push({ row, field: 'pronoun', message: 'pronoun is han, hon, hen, none or empty', code: 'pronoun' });
    if (problems.length) {
      out.errors.push(...problems);
      return;
    }
    out.rows.push({
      row,
      externalId,
      firstName: firstName!,
      lastName: lastName!,
      skolform: skolform!,
      arskurs: arskurs!,
      className,
      ...(pronoun?.success ? { pronoun: pronoun.data } : {}),
    });
  });
  for (const e of result.errors) out.errors.push({ row: (e.row ?? -1) + 1, field: null, message: e.message });
  return out;
}
