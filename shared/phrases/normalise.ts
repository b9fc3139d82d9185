/** Swedish-aware text normalisation for search. */

const FOLD: Record<string, string> = { å: 'a', ä: 'a', ö: 'o', é: 'e', è: 'e', ü: 'u', æ: 'a', ø: 'o' };

/**
 * Lower-cased word tokens. å, ä and ö are letters of their own (so "år" and "ar" differ), but
 * see `fold` for diacritic-insensitive matching.
 */
export function tokens(text: string): string[] {
  return (
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The same token without diacritics: what a teacher types on a keyboard without å ä ö. */
export function fold(token: string): string {
  let out = '';
  for (const ch of token) out += FOLD[ch] ?? ch;
  return out;
}
