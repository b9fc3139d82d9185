import { checkWording, WORDING_RULES, type WordingRule } from '../../shared/index';

export interface LabelledSentence {
  text: string;
  /** Every rule a careful reader would flag; empty when the wording is fine. */
  expect: readonly WordingRule[];
  /** `omdome` also checks for a next step; single sentences are checked as phrases. */
  kind?: 'omdome' | 'phrase';
}

export interface RuleScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface WordingScore {
  sentences: number;
  flaggedSentences: number;
  perRule: Record<WordingRule, RuleScore>;
  overall: RuleScore;
  /** Sentences where the check disagreed, for reading, not for asserting. */
  misses: { text: string; expected: WordingRule[]; found: WordingRule[] }[];
}

const score = (tp: number, fp: number, fn: number): RuleScore => ({
  truePositives: tp,
  falsePositives: fp,
  falseNegatives: fn,
  precision: tp + fp === 0 ? 1 : tp / (tp + fp),
  recall: tp + fn === 0 ? 1 : tp / (tp + fn),
});

/**
 * Scores the check per (sentence, rule): a rule found and expected is a true positive, found and
 * not expected a false positive, expected and not found a false negative. "Overall" sums them.
 */
export function evaluateWording(set: readonly LabelledSentence[]): WordingScore {
  const counts = Object.fromEntries(WORDING_RULES.map((r) => [r, { tp: 0, fp: 0, fn: 0 }])) as Record<
    WordingRule,
    { tp: number; fp: number; fn: number }
  >;
  const misses: WordingScore['misses'] = [];
  for (const s of set) {
    const expected = new Set(s.expect);
    const found = new Set(checkWording(s.text, { kind: s.kind ?? 'phrase' }).map((f) => f.rule));
    for (const rule of WORDING_RULES) {
      const e = expected.has(rule);
      const f = found.has(rule);
      if (e && f) counts[rule].tp++;
      else if (f) counts[rule].fp++;
      else if (e) counts[rule].fn++;
    }
    if ([...expected].some((r) => !found.has(r)) || [...found].some((r) => !expected.has(r))) {
      misses.push({ text: s.text, expected: [...expected], found: [...found] });
    }
  }
  const perRule = Object.fromEntries(
    WORDING_RULES.map((r) => [r, score(counts[r].tp, counts[r].fp, counts[r].fn)]),
  ) as Record<WordingRule, RuleScore>;
  const sum = (k: 'tp' | 'fp' | 'fn') => WORDING_RULES.reduce((n, r) => n + counts[r][k], 0);
  return {
    sentences: set.length,
    flaggedSentences: set.filter((s) => s.expect.length > 0).length,
    perRule,
    overall: score(sum('tp'), sum('fp'), sum('fn')),
    misses,
  };
}
