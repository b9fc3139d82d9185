/**
 * What people may write, in one place, for every way text comes in (API, CSV, SS 12000, the admin
 * CLI, the share page's form). Two kinds of field:
 *
 * - **Names** (pupils, staff, schools, teams, classes) are shown in lists, headings and on paper,
 *   where an invisible or direction-changing character misleads: a right-to-left override can make
 *   "Ali" read as another name, a zero-width space makes two names that look the same differ, and
 *   a line break splits a row. Swedish registers hold names as visible letters, so names refuse
 *   every control, format (bidi marks, zero-width, soft hyphen, tag characters), private-use and
 *   line/paragraph-separator character, lone surrogates, and more than two combining marks on one
 *   letter (a decomposed "ệ" has two). Names are stored in Unicode NFC, so "å" typed two ways is one
 *   name.
 * - **Free text** (omdömen, plans, phrases, comments) is prose: tab and line breaks are text, and
 *   ordinary Unicode stays allowed — zero-width joiners in emoji, ZWNJ in Persian, LRM/RLM in mixed
 *   Arabic/Swedish text, tag characters in flag emoji. Refused are controls other than tab and
 *   line breaks (a NUL is cut off by SQLite's text functions, so a stored value would read back
 *   different from what was accepted), NEL and the Unicode line/paragraph separators (a line
 *   break some readers show and others do not), bidi embeddings, overrides and isolates (they
 *   reorder what a guardian reads beyond the character itself), lone surrogates (stored as U+FFFD)
 *   and runs of more than five combining marks ("zalgo" text that draws over the lines around it).
 */

// C0 and DEL; tab, line feed and carriage return are allowed in free text only.
const C0_IN_TEXT = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f';
// C1 controls, NEL (U+0085) among them, and the Unicode line and paragraph separators.
const C1_AND_SEPARATORS = '\\u0080-\\u009f\\u2028\\u2029';
// LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI.
const BIDI_EMBEDDING_OVERRIDE_ISOLATE = '\\u202a-\\u202e\\u2066-\\u2069';
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

// Without the u flag, so that lone surrogate halves can be matched (with it, pairs are one unit).
const TEXT_REFUSED = new RegExp(
  `[${C0_IN_TEXT}${C1_AND_SEPARATORS}${BIDI_EMBEDDING_OVERRIDE_ISOLATE}]|${LONE_SURROGATE}`,
);
const TEXT_REFUSED_GLOBAL = new RegExp(TEXT_REFUSED.source, 'g');
const NAME_REFUSED = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}]/u;
const LONE_SURROGATE_RE = new RegExp(LONE_SURROGATE);
const TOO_MANY_MARKS = (max: number) => new RegExp(`\\p{M}{${max + 1},}`, 'u');
const NAME_MARKS = TOO_MANY_MARKS(2);
const TEXT_MARKS = TOO_MANY_MARKS(5);

/** Why a name is refused, in words for an error message, or null when it is fine. */
export function nameProblem(name: string): string | null {
  if (/[\r\n\t]/.test(name)) return 'line breaks and tabs are not allowed in a name';
  if (NAME_REFUSED.test(name) || LONE_SURROGATE_RE.test(name))
    return 'invisible, control or direction-changing characters are not allowed in a name';
  if (NAME_MARKS.test(name)) return 'too many accents on one letter';
  return null;
}

/** Why free text is refused, or null when it is fine. */
export function textProblem(text: string): string | null {
  if (TEXT_REFUSED.test(text)) return 'control, line-separator and direction-override characters are not allowed';
  if (TEXT_MARKS.test(text)) return 'too many accents on one letter';
  return null;
}

/** A name as it is stored: trimmed and in NFC. Check it with `nameProblem` first. */
export const normaliseName = (name: string) => name.trim().normalize('NFC');

/**
 * For text from a form without a schema of its own (the share page) and for text shown to
 * families that was stored before these rules: drop what `textProblem` refuses, so it can never
 * reorder or hide what is shown.
 */
export const withoutRefusedCharacters = (text: string) => text.replace(TEXT_REFUSED_GLOBAL, '');
