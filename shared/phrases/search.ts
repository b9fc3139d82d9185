import { fold, tokens } from './normalise';

export interface SearchablePhrase {
  id: string;
  text: string;
  subject: string | null;
  aspect: string;
  level: string | null;
  tags: readonly string[];
}

export interface SearchFilter {
  subject?: string | null;
  aspect?: string;
  level?: string;
  tag?: string;
}

export interface UsageInfo {
  /** How often this teacher used the phrase. */
  count: number;
  /** Last use, ms since epoch. */
  lastUsed: number;
}

/** Match quality per query token, best first: exact prefix, prefix without diacritics, one typo. */
const EXACT = 4;
const FOLDED = 2;
const TYPO = 1;
const MIN_TYPO_LENGTH = 4;

/** Letters a one-edit variant may use: Swedish, plus what folding leaves. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzåäöé0123456789';

interface TermIndex {
  /** Sorted unique terms. */
  terms: string[];
  /** Phrase indexes per term, aligned with `terms`. */
  postings: number[][];
}

function buildIndex(docs: string[][]): TermIndex {
  const map = new Map<string, number[]>();
  docs.forEach((terms, i) => {
    for (const t of new Set(terms)) (map.get(t) ?? map.set(t, []).get(t)!).push(i);
  });
  const terms = [...map.keys()].sort();
  return { terms, postings: terms.map((t) => map.get(t)!) };
}

/** First index in the sorted terms that is ≥ `prefix`. */
function lowerBound(terms: string[], prefix: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Every term starting with `prefix`, as index ranges into the term list. */
function forPrefix(index: TermIndex, prefix: string, visit: (postings: number[]) => void): void {
  for (let i = lowerBound(index.terms, prefix); i < index.terms.length && index.terms[i]!.startsWith(prefix); i++) visit(index.postings[i]!);
}

/** All strings one edit (substitution, insertion, deletion, adjacent transposition) away from `s`. */
function oneEdit(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= s.length; i++) {
    for (const c of ALPHABET) {
      out.add(s.slice(0, i) + c + s.slice(i));
      if (i < s.length) out.add(s.slice(0, i) + c + s.slice(i + 1));
    }
    if (i < s.length) out.add(s.slice(0, i) + s.slice(i + 1));
    if (i < s.length - 1) out.add(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2));
  }
  out.delete(s);
  return out;
}

/**
 * The palette's phrase search: every query word must match a word of the phrase by prefix —
 * exactly, without diacritics (ranked lower), or, for words of four letters or more, with one
 * typo (ranked lowest). Built once per phrase-bank sync; each keystroke is a few binary searches.
 *
 * @example new PhraseSearch(phrases).search('lasa flyt', { subject: 'SV' }) // finds "läser med flyt"
 */
export class PhraseSearch<P extends SearchablePhrase> {
  private readonly exact: TermIndex;
  private readonly folded: TermIndex;

  constructor(private readonly phrases: readonly P[]) {
    const docs = phrases.map((p) => [...tokens(p.text), ...p.tags.flatMap(tokens)]);
    this.exact = buildIndex(docs);
    this.folded = buildIndex(docs.map((d) => d.map(fold)));
  }

  search(query: string, filter: SearchFilter = {}, usage?: ReadonlyMap<string, UsageInfo>, limit = 20): P[] {
    const words = tokens(query);
    const accept = (p: P) =>
      (filter.subject === undefined || p.subject === filter.subject) &&
      (filter.aspect === undefined || p.aspect === filter.aspect) &&
      (filter.level === undefined || p.level === filter.level) &&
      (filter.tag === undefined || p.tags.includes(filter.tag));

    if (words.length === 0) return this.byUse(accept, usage, limit);

    let scores: Map<number, number> | null = null;
    for (const word of words) {
      const best = new Map<number, number>();
      const mark = (score: number) => (postings: number[]) => {
        for (const i of postings) if ((best.get(i) ?? 0) < score && (scores === null || scores.has(i))) best.set(i, score);
      };
      forPrefix(this.exact, word, mark(EXACT));
      const folded = fold(word);
      forPrefix(this.folded, folded, mark(FOLDED));
      // Shorter words would match half the bank through some one-edit prefix.
      if (folded.length >= MIN_TYPO_LENGTH) for (const variant of oneEdit(folded)) forPrefix(this.folded, variant, mark(TYPO));
      // Every query word must match: keep only phrases seen for all words so far.
      const next = new Map<number, number>();
      for (const [i, s] of best) next.set(i, (scores?.get(i) ?? 0) + s);
      scores = next;
      if (scores.size === 0) return [];
    }

    const ranked: { i: number; score: number; use: number }[] = [];
    for (const [i, score] of scores!) {
      const p = this.phrases[i]!;
      if (accept(p)) ranked.push({ i, score, use: usage?.get(p.id)?.count ?? 0 });
    }
    ranked.sort((a, b) => b.score - a.score || b.use - a.use || this.phrases[a.i]!.text.length - this.phrases[b.i]!.text.length);
    return ranked.slice(0, limit).map((r) => this.phrases[r.i]!);
  }

  /** Empty query: recently used first, then frequently used, then the bank's order. */
  private byUse(accept: (p: P) => boolean, usage: ReadonlyMap<string, UsageInfo> | undefined, limit: number): P[] {
    const list = this.phrases.filter(accept);
    if (!usage) return list.slice(0, limit);
    return list
      .map((p, order) => ({ p, order, u: usage.get(p.id) }))
      .sort((a, b) => (b.u?.lastUsed ?? 0) - (a.u?.lastUsed ?? 0) || (b.u?.count ?? 0) - (a.u?.count ?? 0) || a.order - b.order)
      .slice(0, limit)
      .map((x) => x.p);
  }
}
