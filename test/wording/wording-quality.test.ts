import { describe, expect, it } from 'vitest';
import { evaluateWording } from './labelled';
import { DEV_SET } from './labelled-dev';
import { HELDOUT_SET } from './labelled-heldout';
import { INDEPENDENT_SET } from './labelled-independent';

const ALL = [...DEV_SET, ...HELDOUT_SET];

describe('the wording check on the labelled sentences', () => {
  it('has at least 200 sentences, about half of them to be flagged, with every rule represented', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(200);
    const flagged = ALL.filter((s) => s.expect.length > 0).length / ALL.length;
    expect(flagged).toBeGreaterThan(0.4);
    expect(flagged).toBeLessThan(0.6);
    const score = evaluateWording(ALL);
    for (const [rule, s] of Object.entries(score.perRule))
      expect(s.truePositives + s.falseNegatives, rule).toBeGreaterThanOrEqual(6);
  });

  it('meets the targets: overall precision ≥ 0.9 and recall ≥ 0.85, also on the held-out part alone', () => {
    for (const set of [ALL, HELDOUT_SET]) {
      const { overall } = evaluateWording(set);
      expect(overall.precision).toBeGreaterThanOrEqual(0.9);
      expect(overall.recall).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('meets precision and recall ≥ 0.95 on the independent set of ≥ 300 sentences it was never tuned on', () => {
    expect(INDEPENDENT_SET.length).toBeGreaterThanOrEqual(300);
    const { overall, perRule } = evaluateWording(INDEPENDENT_SET);
    for (const [rule, s] of Object.entries(perRule))
      expect(s.truePositives + s.falseNegatives, rule).toBeGreaterThanOrEqual(5);
    expect(overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(overall.recall).toBeGreaterThanOrEqual(0.95);
  });
});
