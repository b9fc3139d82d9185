import { append } from '../util/multimap';
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

/** Match quality per query word, best first. */
const WHOLE_WORD = 5;
const EXACT = 4;
const FOLDED = 2;
const TYPO = 1;
const MIN_TYPO_LENGTH = 4;
/** Per pair of query words found next to each other, in order, in the phrase. */
const ADJACENT = 2;

interface TermIndex {
  /** Sorted unique terms. */
  terms: string[];
  /** Phrase indexes per term, aligned with `terms`. */
  postings: Int32Array[];
}

function buildIndex(docs: string[][]): TermIndex {
  const map = new Map<string, number[]>();
  docs.forEach((terms, i) => {
    for (const t of new Set(terms)) append(map, t, i);
  });
  const terms = [...map.keys()].sort();
  return { terms, postings: terms.map((t) => Int32Array.from(map.get(t)!)) };
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

/**
 * Whether some prefix of `term` is one edit (substitution, insertion, deletion, adjacent
 * transposition) from `word`. Used only for words of four letters or more.
 */
export function withinOneEditOfPrefix(word: string, term: string): boolean {
  const n = word.length;
  let i = 0;
  while (i < n && i < term.length && word[i] === term[i]) i++;
  if (i === n) return true; // a plain prefix
  const rest = (w: number, t: number) => term.length - t >= n - w && term.startsWith(word.slice(w), t);
  return (
    rest(i + 1, i + 1) || // substitution
    rest(i, i + 1) || // the teacher left out a letter
    (i + 1 <= n && (i + 1 === n || rest(i + 1, i))) || // the teacher typed an extra letter
    (word[i] === term[i + 1] && word[i + 1] === term[i] && rest(i + 2, i + 2)) // swapped neighbours
  );
}

/** Candidate sets at most this large are checked word by word instead of through the index. */
const DIRECT_SCAN_LIMIT = 300;

/** The best match of one query word against one phrase's words; 0 if none (no typo matching). */
function directScore(exact: string[], folded: string[], word: string, foldedWord: string): number {
  let best = 0;
  for (let j = 0; j < exact.length; j++) {
    if (exact[j]!.startsWith(word)) {
      if (exact[j]!.length === word.length) return WHOLE_WORD;
      best = EXACT;
    } else if (best < FOLDED && folded[j]!.startsWith(foldedWord)) best = FOLDED;
  }
  return best;
}

/** How many consecutive query-word pairs appear as consecutive words (by prefix) in the phrase. */
function adjacentPairs(sequence: string[], words: string[]): number {
  let pairs = 0;
  for (let k = 0; k + 1 < words.length; k++) {
    for (let j = 0; j + 1 < sequence.length; j++) {
      if (sequence[j]!.startsWith(words[k]!) && sequence[j + 1]!.startsWith(words[k + 1]!)) {
        pairs++;
        break;
      }
    }
  }
  return pairs;
}

/**
 * The palette's phrase search: every query word must match a word of the phrase by prefix —
 * as a whole word (ranked first), exactly, without diacritics (ranked lower), or, for words of
 * four letters or more that match nothing directly, with one typo (ranked lowest); words found
 * next to each other in the query's order rank higher. Built once
 * per phrase-bank sync; a keystroke is a few binary searches over typed arrays, with no
 * allocation per phrase.
 *
 * @example new PhraseSearch(phrases).search('lasa flyt', { subject: 'SV' }) // finds "läser med flyt"
 */
export class PhraseSearch<P extends SearchablePhrase> {
  private readonly exact: TermIndex;
  private readonly folded: TermIndex;
  // Scratch arrays reused by every search: scores per phrase, and stamps that say which
  // entries belong to the current word, so nothing needs clearing between keystrokes.
  private readonly wordScore: Int32Array;
  private readonly wordStamp: Int32Array;
  private readonly total: Int32Array;
  /** How many query words a phrase has matched, valid where `matchedQuery` is the current query. */
  private readonly matched: Int32Array;
  private readonly matchedQuery: Int32Array;
  private wordGen = 0;
  private queryGen = 0;
  /** Each phrase's words without diacritics, in order, for the adjacency bonus. */
  private readonly sequences: string[][];
  private readonly exactSequences: string[][];
  /**
   * Results for a one-letter first word, per letter, made when the index is built: the first
   * keystroke matches the most phrases and would otherwise be the slowest.
   */
  private readonly firstLetter = new Map<string, { indexes: Int32Array; scores: Int32Array; ranked: Int32Array }>();
  private readonly indexOf = new Map<string, number>();

  constructor(private readonly phrases: readonly P[]) {
    const docs = phrases.map((p) => [...tokens(p.text), ...p.tags.flatMap(tokens)]);
    this.exact = buildIndex(docs);
    this.exactSequences = docs;
    this.sequences = docs.map((d) => d.map(fold));
    this.folded = buildIndex(this.sequences);
    const letters = new Set(this.exact.terms.map((t) => t[0]!));
    for (const letter of letters) {
      const best = new Map<number, number>();
      const folded = fold(letter);
      for (let i = 0; i < docs.length; i++) {
        const score = directScore(docs[i]!, this.sequences[i]!, letter, folded);
        if (score > 0) best.set(i, score);
      }
      // The order without usage: score, then shorter text.
      const ranked = Int32Array.from(
        [...best.keys()].sort(
          (a, b) => best.get(b)! - best.get(a)! || phrases[a]!.text.length - phrases[b]!.text.length,
        ),
      );
      this.firstLetter.set(letter, {
        indexes: Int32Array.from(best.keys()),
        scores: Int32Array.from(best.values()),
        ranked,
      });
    }
    phrases.forEach((p, i) => this.indexOf.set(p.id, i));
    const n = phrases.length;
    this.wordScore = new Int32Array(n);
    this.wordStamp = new Int32Array(n);
    this.total = new Int32Array(n);
    this.matched = new Int32Array(n);
    this.matchedQuery = new Int32Array(n);
  }

  search(query: string, filter: SearchFilter = {}, usage?: ReadonlyMap<string, UsageInfo>, limit = 20): P[] {
    const words = tokens(query);
    const accept = (p: P) =>
      (filter.subject === undefined || p.subject === filter.subject) &&
      (filter.aspect === undefined || p.aspect === filter.aspect) &&
      (filter.level === undefined || p.level === filter.level) &&
      (filter.tag === undefined || p.tags.includes(filter.tag));

    if (words.length === 0) return this.byUse(accept, usage, limit);
    if (words.length === 1 && this.firstLetter.has(words[0]!))
      return this.firstKeystroke(words[0]!, accept, usage, limit);

    const gen = ++this.queryGen;
    let candidates: number[] = [];
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const stamp = ++this.wordGen;
      const touched: number[] = [];
      const mark = (postings: Int32Array, score: number) => {
        for (let k = 0; k < postings.length; k++) {
          const i = postings[k]!;
          // After the first word, only phrases that matched every earlier word stay in play.
          if (w > 0 && (this.matchedQuery[i] !== gen || this.matched[i] !== w)) continue;
          if (this.wordStamp[i] !== stamp) {
            this.wordStamp[i] = stamp;
            this.wordScore[i] = score;
            touched.push(i);
          } else if (this.wordScore[i]! < score) this.wordScore[i] = score;
        }
      };
      const prefixRange = (index: TermIndex, prefix: string, score: number, whole?: number) => {
        for (
          let t = lowerBound(index.terms, prefix);
          t < index.terms.length && index.terms[t]!.startsWith(prefix);
          t++
        ) {
          mark(index.postings[t]!, whole !== undefined && index.terms[t]!.length === prefix.length ? whole : score);
        }
      };
      const folded = fold(word);
      if (w > 0 && candidates.length <= DIRECT_SCAN_LIMIT) {
        // Few phrases left in play: checking their words directly beats walking the postings.
        for (const i of candidates) {
          const score = directScore(this.exactSequences[i]!, this.sequences[i]!, word, folded);
          if (score > 0) {
            this.wordStamp[i] = stamp;
            this.wordScore[i] = score;
            touched.push(i);
          }
        }
      } else if (w === 0 && this.firstLetter.has(word)) {
        const { indexes, scores } = this.firstLetter.get(word)!;
        for (let k = 0; k < indexes.length; k++) {
          const i = indexes[k]!;
          this.wordStamp[i] = stamp;
          this.wordScore[i] = scores[k]!;
          touched.push(i);
        }
      } else {
        prefixRange(this.exact, word, EXACT, WHOLE_WORD);
        prefixRange(this.folded, folded, FOLDED);
      }
      // Typos only as a fallback: a word that matches directly is what the teacher meant.
      if (touched.length === 0 && folded.length >= MIN_TYPO_LENGTH) {
        // Typos rarely hit the first letters; scanning terms that share them (or have them
        // swapped) keeps the fallback to a few dozen comparisons.
        for (const start of new Set([folded.slice(0, 2), folded[1]! + folded[0]!])) {
          const terms = this.folded.terms;
          for (let t = lowerBound(terms, start); t < terms.length && terms[t]!.startsWith(start); t++) {
            if (withinOneEditOfPrefix(folded, terms[t]!)) mark(this.folded.postings[t]!, TYPO);
          }
        }
      }
      if (touched.length === 0) return [];
      for (const i of touched) {
        this.total[i] = (w === 0 ? 0 : this.total[i]!) + this.wordScore[i]!;
        this.matched[i] = w + 1;
        this.matchedQuery[i] = gen;
      }
      candidates = touched;
    }

    // Top-k by score, then this teacher's use, then shorter text: a small insertion-sorted list.
    const top: { i: number; score: number; use: number; len: number }[] = [];
    const better = (a: { score: number; use: number; len: number }, b: { score: number; use: number; len: number }) =>
      a.score !== b.score ? a.score > b.score : a.use !== b.use ? a.use > b.use : a.len < b.len;
    const foldedWords = words.map(fold);
    const maxBonus = ADJACENT * (foldedWords.length - 1);
    for (const i of candidates) {
      const last = top.length === limit ? top[limit - 1]! : null;
      // Cannot reach the top even with every adjacency bonus: skip the word-by-word scan.
      if (last && this.total[i]! + maxBonus < last.score) continue;
      const p = this.phrases[i]!;
      const score = this.total[i]! + (maxBonus > 0 ? ADJACENT * adjacentPairs(this.sequences[i]!, foldedWords) : 0);
      if (last && score < last.score) continue;
      const use = usage?.get(p.id)?.count ?? 0;
      const len = p.text.length;
      if (last && !better({ score, use, len }, last)) continue;
      if (!accept(p)) continue;
      const entry = { i, score, use, len };
      let at = top.length;
      while (at > 0 && better(entry, top[at - 1]!)) at--;
      top.splice(at, 0, entry);
      if (top.length > limit) top.pop();
    }
    return top.map((t) => this.phrases[t.i]!);
  }

  /**
   * One letter typed: the precomputed order, with this teacher's used phrases merged in. A phrase
   * nobody used cannot beat the first `limit` accepted ones of the precomputed order.
   */
  private firstKeystroke(
    letter: string,
    accept: (p: P) => boolean,
    usage: ReadonlyMap<string, UsageInfo> | undefined,
    limit: number,
  ): P[] {
    const { indexes, scores, ranked } = this.firstLetter.get(letter)!;
    const pool: number[] = [];
    for (let k = 0; k < ranked.length && pool.length < limit; k++)
      if (accept(this.phrases[ranked[k]!]!)) pool.push(ranked[k]!);
    if (!usage?.size) return pool.map((i) => this.phrases[i]!);
    const score = new Map<number, number>();
    for (let k = 0; k < indexes.length; k++) score.set(indexes[k]!, scores[k]!);
    for (const id of usage.keys()) {
      const i = this.indexOf.get(id);
      if (i !== undefined && score.has(i) && !pool.includes(i) && accept(this.phrases[i]!)) pool.push(i);
    }
    const use = (i: number) => usage.get(this.phrases[i]!.id)?.count ?? 0;
    pool.sort(
      (a, b) =>
        score.get(b)! - score.get(a)! || use(b) - use(a) || this.phrases[a]!.text.length - this.phrases[b]!.text.length,
    );
    return pool.slice(0, limit).map((i) => this.phrases[i]!);
  }

  /** Empty query: recently used first, then frequently used, then the bank's order. */
  private byUse(accept: (p: P) => boolean, usage: ReadonlyMap<string, UsageInfo> | undefined, limit: number): P[] {
    const list = this.phrases.filter(accept);
    if (!usage) return list.slice(0, limit);
    return list
      .map((p, order) => ({ p, order, u: usage.get(p.id) }))
      .sort(
        (a, b) =>
          (b.u?.lastUsed ?? 0) - (a.u?.lastUsed ?? 0) || (b.u?.count ?? 0) - (a.u?.count ?? 0) || a.order - b.order,
      )
      .slice(0, limit)
      .map((x) => x.p);
  }
}
