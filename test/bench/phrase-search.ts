import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { PhraseSearch } from '../../shared/index';
import type { BenchRow } from './deadlines';
import { labelledQueries, phraseCorpus, type CorpusPhrase } from './phrase-corpus';
import { median, quantile } from './stats';

type Engine = { name: string; search: (q: string) => string[] };

/** Type each query one keystroke at a time; time every keystroke; recall@5 on the full query. */
function measure(engine: Engine, queries: { query: string; targetId: string }[]) {
  const perKey: number[] = [];
  let hits = 0;
  for (const { query, targetId } of queries) {
    let last: string[] = [];
    for (let k = 1; k <= query.length; k++) {
      const t0 = performance.now();
      last = engine.search(query.slice(0, k));
      perKey.push(performance.now() - t0);
    }
    if (last.slice(0, 5).includes(targetId)) hits++;
  }
  return { median: median(perKey), p99: quantile(perKey, 0.99), recall: hits / queries.length };
}

export function benchPhraseSearch(quick: boolean): BenchRow[] {
  const corpus = phraseCorpus();
  const queries = labelledQueries(corpus, quick ? 80 : 400);
  const ours = new PhraseSearch(corpus);
  const mini = new MiniSearch<CorpusPhrase>({
    fields: ['text'],
    storeFields: ['id'],
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
  });
  mini.addAll(corpus);
  const fuse = new Fuse(corpus, { keys: ['text'], threshold: 0.4, ignoreLocation: true });
  const engines: [Engine, number][] = [
    [{ name: 'PhraseSearch (ours)', search: (q) => ours.search(q, {}, undefined, 5).map((p) => p.id) }, queries.length],
    [
      {
        name: 'MiniSearch (prefix + fuzzy 0.2)',
        search: (q) =>
          mini
            .search(q)
            .slice(0, 5)
            .map((r) => r.id as string),
      },
      queries.length,
    ],
    // Fuse.js scans every phrase per keystroke: a smaller sample keeps the run short.
    [
      { name: 'Fuse.js (threshold 0.4)', search: (q) => fuse.search(q, { limit: 5 }).map((r) => r.item.id) },
      quick ? 8 : 24,
    ],
  ];
  const results = engines.map(([e, n]) => ({ name: e.name, ...measure(e, queries.slice(0, n)) }));
  const base = results[2]!;
  const rows: BenchRow[] = [];
  for (const r of results) {
    rows.push({
      name: `phrase search 10k: ${r.name}`,
      figure: 'median/keystroke',
      value: r.median,
      unit: 'ms',
      baseline: 'Fuse.js',
      ratio: r.median / base.median,
    });
    rows.push({
      name: `phrase search 10k: ${r.name}`,
      figure: 'p99/keystroke',
      value: r.p99,
      unit: 'ms',
      ...(r === results[0] ? { target: '≤ 1 ms', met: r.p99 <= 1 } : {}),
    });
    rows.push({
      name: `phrase search 10k: ${r.name}`,
      figure: 'recall@5',
      value: r.recall,
      unit: '',
      ...(r === results[0] ? { target: '≥ 0.98', met: r.recall >= 0.98 } : {}),
    });
  }
  return rows;
}
