import { checkWording, WORDING_RULES } from '../../shared/index';
import { evaluateWording } from '../wording/labelled';
import { DEV_SET } from '../wording/labelled-dev';
import { HELDOUT_SET } from '../wording/labelled-heldout';
import { INDEPENDENT_SET } from '../wording/labelled-independent';
import type { BenchRow } from './deadlines';
import { median, quantile } from './stats';

/** 500-character texts cut from the labelled sentences, so the timing sees real Swedish. */
function texts500(): string[] {
  const all = [...DEV_SET, ...HELDOUT_SET].map((s) => s.text);
  const out: string[] = [];
  for (let start = 0; start < all.length; start += 3) {
    let t = '';
    for (let i = start; t.length < 500; i = (i + 1) % all.length) t += `${all[i]} `;
    out.push(t.slice(0, 500));
  }
  return out;
}

function timePerText(fn: (t: string) => unknown, texts: string[], rounds: number): number[] {
  for (const t of texts) fn(t);
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const t0 = performance.now();
      fn(t);
      ms.push(performance.now() - t0);
    }
  }
  return ms;
}

/** Precision and recall per rule on the labelled sentences, and the time for a 500-character text. */
export function benchWording(quick: boolean): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const [name, set] of [
    ['all', [...DEV_SET, ...HELDOUT_SET]],
    ['held-out', HELDOUT_SET],
    // Written apart from the word lists and never used for tuning (see labelled-independent.ts).
    ['independent, never tuned on', INDEPENDENT_SET],
  ] as const) {
    const s = evaluateWording(set);
    const label = `wording check (${name}: ${s.sentences} sentences, ${s.flaggedSentences} to flag)`;
    const [p, r] = name.startsWith('independent') ? [0.95, 0.95] : [0.9, 0.85];
    rows.push({
      name: label,
      figure: 'precision overall',
      value: s.overall.precision,
      unit: '',
      target: `≥ ${p}`,
      met: s.overall.precision >= p,
    });
    rows.push({
      name: label,
      figure: 'recall overall',
      value: s.overall.recall,
      unit: '',
      target: `≥ ${r}`,
      met: s.overall.recall >= r,
    });
    if (name !== 'held-out') {
      for (const rule of WORDING_RULES) {
        const r = s.perRule[rule];
        rows.push({
          name: label,
          figure: `${rule}: precision / recall`,
          value: r.precision,
          unit: `/ ${r.recall.toFixed(2)} (n=${r.truePositives + r.falseNegatives})`,
        });
      }
    }
  }
  const texts = texts500();
  const rounds = quick ? 20 : 200;
  // Baseline: only lower-casing and splitting into words — the least any check must do.
  const base = timePerText((t) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu), texts, rounds);
  const check = timePerText((t) => checkWording(t, { kind: 'omdome' }), texts, rounds);
  rows.push({
    name: 'wording check, 500-char omdöme',
    figure: 'median',
    value: median(check),
    unit: 'ms',
    baseline: 'tokenise only',
    ratio: median(check) / median(base),
  });
  rows.push({
    name: 'wording check, 500-char omdöme',
    figure: 'p99',
    value: quantile(check, 0.99),
    unit: 'ms',
    target: '≤ 1 ms',
    met: quantile(check, 0.99) <= 1,
  });
  return rows;
}
