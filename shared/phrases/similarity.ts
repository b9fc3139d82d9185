import { fold, tokens } from './normalise';

/** Text reduced to what makes two phrases "the same": folded words, placeholders as words. */
export function normalisePhraseText(text: string): string {
  return tokens(text).map(fold).join(' ');
}

function trigrams(s: string): Map<string, number> {
  const padded = `  ${s} `;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const g = padded.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/**
 * Similarity of two phrases in [0, 1]: the Dice coefficient of character trigrams of the
 * normalised texts. Robust to punctuation, case, å/a and small inflection changes
 * ("läser med flyt" vs "Läser med flyt.") — what a bank needs to converge instead of grow.
 */
export function phraseSimilarity(a: string, b: string): number {
  const na = normalisePhraseText(a);
  const nb = normalisePhraseText(b);
  if (na === nb) return 1;
  const ga = trigrams(na);
  const gb = trigrams(nb);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Above this, a proposal is shown "a similar phrase already exists". */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

/** The most similar existing phrases, best first. */
export function findSimilarPhrases<T extends { text: string }>(
  text: string,
  candidates: readonly T[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
  limit = 5,
): { phrase: T; similarity: number }[] {
  return candidates
    .map((phrase) => ({ phrase, similarity: phraseSimilarity(text, phrase.text) }))
    .filter((s) => s.similarity >= threshold)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit);
}
