/**
 * How much of a text the teacher wrote herself, beyond the team's approved phrases. The phrases
 * are matched as inserted: placeholders ({namn}, {hen}, …) stand for whatever name or pronoun was
 * filled in (or are still there), white space may differ, and case is ignored.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One phrase as a regex source: literal text, `{…}` as a word (or the placeholder itself). */
function phraseSource(phrase: string): string | null {
  const words = phrase.trim().match(WORD);
  if (!words || words.length < 2) return null; // a one-word "phrase" would strip ordinary words
  return phrase
    .trim()
    .split(/(\{[\p{L}]+\})/u)
    .map((part) =>
      /^\{[\p{L}]+\}$/u.test(part)
        ? '(?:\\p{L}+(?:[-\\s]\\p{L}+)?|\\{[\\p{L}]+\\})'
        : escape(part).replace(/\s+/g, '\\s+'),
    )
    .join('');
}

const cache = new WeakMap<readonly string[], RegExp | null>();

function matcher(phrases: readonly string[]): RegExp | null {
  if (cache.has(phrases)) return cache.get(phrases)!;
  const sources = phrases
    .map(phraseSource)
    .filter((s): s is string => s !== null)
    .sort((a, b) => b.length - a.length);
  const re = sources.length ? new RegExp(sources.join('|'), 'giu') : null;
  cache.set(phrases, re);
  return re;
}

/** Words in `text` that are not part of an approved phrase. */
export function ownWordCount(text: string, approvedPhrases: readonly string[]): number {
  const re = matcher(approvedPhrases);
  const rest = re ? text.replace(re, ' ') : text;
  return rest.match(WORD)?.length ?? 0;
}
