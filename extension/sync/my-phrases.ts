import { storage } from 'wxt/utils/storage';
import type { Phrase } from '../../shared/schemas/phrase';

/**
 * The teacher's own wording, beside the team's governed bank: personal phrases that need no
 * approval, favourites among the team's phrases, and short codes ("/läs1") that expand as she
 * types. Kept in this browser's local extension storage only — never sent to the browser vendor's
 * sync, because a teacher's own phrase may name a pupil.
 */
export interface MyPhrase {
  id: string;
  text: string;
  createdAt: string;
}

export interface MyPhrases {
  phrases: MyPhrase[];
  /** Ids of favourite phrases (team or own), listed first in the palette. */
  favourites: string[];
  /** Short code → phrase id (team or own). */
  codes: Record<string, string>;
}

export const myPhrasesItem = storage.defineItem<MyPhrases>('local:myPhrases', {
  fallback: { phrases: [], favourites: [], codes: {} },
});

/** A personal phrase's id: never a uuid, so it cannot be taken for a team phrase. */
export const MY_PREFIX = 'my:';
export const isMyPhrase = (id: string) => id.startsWith(MY_PREFIX);

/**
 * A code as the teacher types it: a slash and 1–20 letters or digits ("/läs1"), lower-cased.
 * The slash keeps ordinary words from ever expanding.
 */
export function normaliseCode(raw: string): string | null {
  const code = raw.trim().toLocaleLowerCase('sv');
  const withSlash = code.startsWith('/') ? code : `/${code}`;
  return /^\/[\p{L}\p{N}]{1,20}$/u.test(withSlash) ? withSlash : null;
}

/** A personal phrase in the palette's shape (approved: it needs no approval; no team). */
export function asPhrase(p: MyPhrase): Phrase {
  return {
    id: p.id,
    text: p.text,
    scope: 'team',
    teamId: null,
    subject: null,
    aspect: 'knowledge',
    level: null,
    tags: [],
    status: 'approved',
    authorId: p.id,
    usageCount: 0,
    lastUsedAt: null,
    version: 1,
    deleted: false,
    updatedAt: p.createdAt,
  };
}

/**
 * The code that ends `before` (the text before the caret), if one does and it is complete: no
 * longer code starts with it (then it expands at once), or a space or punctuation follows it.
 * Returns the code and how many characters before the caret it covers (the delimiter stays).
 */
export function codeBeforeCaret(before: string, codes: readonly string[]): { code: string; length: number } | null {
  const lower = before.toLocaleLowerCase('sv');
  const delimited = /[\s.,;:!?]$/u.test(lower);
  const body = delimited ? lower.slice(0, -1) : lower;
  for (const code of codes) {
    if (!body.endsWith(code)) continue;
    // A code starts a word: "a/läs1" is not one.
    const start = body.length - code.length;
    if (start > 0 && /[\p{L}\p{N}/]/u.test(body[start - 1]!)) continue;
    const longer = codes.some((c) => c !== code && c.startsWith(code));
    if (longer && !delimited) continue;
    return { code, length: code.length + (delimited ? 1 : 0) };
  }
  return null;
}
