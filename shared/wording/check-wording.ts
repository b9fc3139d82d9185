import { GLOSSARY } from './glossary';
import { ownWordCount } from './own-words';
import {
  ATTITUDE_PATTERNS,
  HEALTH_FAMILY_PATTERNS,
  ABSOLUTE_PHRASES,
  ABSOLUTE_WORDS,
  COMPARISON_PATTERNS,
  COPULAS,
  DEGREE_WORDS,
  LABEL_INTENSIFIERS,
  LABEL_WORDS,
  NEXT_STEP_PATTERNS,
  PERSON_NOUNS,
  SENSITIVE_PATTERNS,
  TRAIT_WORDS,
} from './lexicon';
import { RULE_EXPLANATIONS, RULE_SUGGESTIONS, type Bilingual, type WordingRule } from './rules';

export interface WordingFinding {
  rule: WordingRule;
  /** UTF-16 offsets into the checked text, end exclusive. */
  start: number;
  end: number;
  excerpt: string;
  explanation: Bilingual;
  suggestion: Bilingual;
  /**
   * Words that can stand in the excerpt's place as they are (one click in the field), when the
   * suggestion is such a swap: a softer word for an absolute, a plain paraphrase for jargon.
   */
  replacement?: Bilingual;
}

/** The first of "ofta / oftast"; nothing when the suggestion needs the teacher's words ("ännu inte …"). */
const firstOption = (s: string) => (s.includes('…') ? undefined : s.split(' / ')[0]!.trim());
const swap = (a: { sv: string; en: string }): Bilingual | undefined => {
  const sv = firstOption(a.sv);
  const en = firstOption(a.en);
  return sv && en ? { sv, en } : undefined;
};

export interface WordingOptions {
  /**
   * `omdome`: a whole omdöme, also checked for a forward-looking step. `phrase`: a phrase-bank
   * entry, which may describe only where the pupil stands.
   */
  kind?: 'omdome' | 'phrase';
  /**
   * The team's approved phrase texts (with placeholders). Text made only of them is the team's
   * agreed wording: the whole-omdöme "no next step" rule waits until the teacher has written
   * something of her own beyond them.
   */
  approvedPhrases?: readonly string[];
}

/** An omdöme shorter than this is still being written; asking for a next step would nag. */
const MIN_WORDS_FOR_NEXT_STEP = 12;
/** Words of her own (beyond approved phrases) before the teacher is asked for a next step. */
const MIN_OWN_WORDS_FOR_NEXT_STEP = 5;

const WORD = /[\p{L}\p{N}]+/gu;
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
const wordRegex = (sources: readonly string[]) =>
  new RegExp(`${NOT_WORD_BEFORE}(?:${sources.join('|')})${NOT_WORD_AFTER}`, 'gu');

const COMPARISON = wordRegex(COMPARISON_PATTERNS);
const SENSITIVE = wordRegex([...SENSITIVE_PATTERNS, ...HEALTH_FAMILY_PATTERNS]);
const ATTITUDE = wordRegex(ATTITUDE_PATTERNS);
const NEXT_STEP = wordRegex(NEXT_STEP_PATTERNS);
const ABSOLUTE_PHRASE_LIST = ABSOLUTE_PHRASES.map((a) => ({ ...a, regex: wordRegex([a.pattern]) }));
const GLOSSARY_LIST = GLOSSARY.map((g) => ({ ...g, regex: wordRegex([g.pattern]) }));
/** A term counts as explained when the text explains it right after it. */
const EXPLAINED_AFTER =
  /^\s*(?:\(|[–—:]|,?\s*(?:det vill säga|dvs\.?|d\.v\.s\.|alltså|som betyder|vilket betyder|som innebär|vilket innebär))/u;
/** "jämt" is also "even" in "jämt tal". */
const EVEN_NUMBER_NEXT = new Set(['tal', 'antal', 'delbart', 'delbara', 'fördelat', 'fördelad', 'fördelade']);

interface Token {
  word: string;
  start: number;
  end: number;
}

/** Lower-case without moving offsets (a few characters change length when lower-cased). */
function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

function tokenise(lower: string): Token[] {
  const out: Token[] = [];
  for (const m of lower.matchAll(WORD)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

function isLabel(word: string): boolean {
  if (LABEL_WORDS.has(word)) return true;
  for (const prefix of LABEL_INTENSIFIERS) {
    if (word.length > prefix.length + 2 && word.startsWith(prefix) && LABEL_WORDS.has(word.slice(prefix.length)))
      return true;
  }
  return false;
}

/** "är (väldigt) tyst" or "tyst elev": a trait said about the pupil. */
function isTraitAboutPupil(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1]?.word;
  if (next !== undefined && PERSON_NOUNS.has(next)) return true;
  for (let j = i - 1, skipped = 0; j >= 0 && skipped <= 3; j--, skipped++) {
    const w = tokens[j]!.word;
    if (COPULAS.has(w)) return true;
    if (!DEGREE_WORDS.has(w) && !TRAIT_WORDS.has(w)) return false;
  }
  return false;
}

/**
 * Findings for wording that is not "sakligt": labels, comparisons, absolutes, unexplained jargon,
 * sensitive content and, for a whole omdöme, a missing next step.
 *
 * @example checkWording('Eleven är slarvig.') // → [{ rule: 'label', start: 10, end: 17, … }]
 */
export function checkWording(text: string, options: WordingOptions = {}): WordingFinding[] {
  const lower = lowerSameLength(text);
  const tokens = tokenise(lower);
  const findings: WordingFinding[] = [];
  const add = (
    rule: WordingRule,
    start: number,
    end: number,
    suggestion: Bilingual = RULE_SUGGESTIONS[rule],
    replacement?: Bilingual,
  ) =>
    findings.push({
      rule,
      start,
      end,
      excerpt: text.slice(start, end),
      explanation: RULE_EXPLANATIONS[rule],
      suggestion,
      ...(replacement ? { replacement } : {}),
    });

  tokens.forEach((t, i) => {
    if (isLabel(t.word) || (TRAIT_WORDS.has(t.word) && isTraitAboutPupil(tokens, i))) add('label', t.start, t.end);
    const absolute = ABSOLUTE_WORDS.get(t.word);
    if (absolute && !(t.word === 'jämt' && EVEN_NUMBER_NEXT.has(tokens[i + 1]?.word ?? ''))) {
      add(
        'absolute',
        t.start,
        t.end,
        { sv: `Skriv hellre "${absolute.sv}".`, en: `Prefer "${absolute.en}".` },
        swap(absolute),
      );
    }
  });
  for (const a of ABSOLUTE_PHRASE_LIST) {
    for (const m of lower.matchAll(a.regex))
      add(
        'absolute',
        m.index,
        m.index + m[0].length,
        { sv: `Skriv hellre "${a.sv}".`, en: `Prefer "${a.en}".` },
        swap(a),
      );
  }
  for (const m of lower.matchAll(ATTITUDE)) add('label', m.index, m.index + m[0].length);
  for (const m of lower.matchAll(COMPARISON)) add('comparison', m.index, m.index + m[0].length);
  for (const m of lower.matchAll(SENSITIVE)) add('sensitive', m.index, m.index + m[0].length);
  for (const g of GLOSSARY_LIST) {
    for (const m of lower.matchAll(g.regex)) {
      const end = m.index + m[0].length;
      if (EXPLAINED_AFTER.test(lower.slice(end, end + 30))) continue;
      add(
        'jargon',
        m.index,
        end,
        {
          sv: `Förklara "${g.term}" eller skriv "${g.paraphrase.sv}".`,
          en: `Explain "${g.term}" or write "${g.paraphrase.en}".`,
        },
        g.paraphrase,
      );
    }
  }
  if (
    (options.kind ?? 'omdome') === 'omdome' &&
    tokens.length >= MIN_WORDS_FOR_NEXT_STEP &&
    (!options.approvedPhrases || ownWordCount(text, options.approvedPhrases) >= MIN_OWN_WORDS_FOR_NEXT_STEP)
  ) {
    NEXT_STEP.lastIndex = 0;
    if (!NEXT_STEP.test(lower)) {
      const start = text.length - text.trimStart().length;
      add('no-next-step', start, text.trimEnd().length);
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}
