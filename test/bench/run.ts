import { mkdirSync, writeFileSync } from 'node:fs';
import { benchApiLoad } from './api-load';
import { benchDeadlines, type BenchRow } from './deadlines';
import { benchExtension } from './extension';
import { benchMunicipalDay } from './municipal-day';
import { benchPhraseSearch } from './phrase-search';
import { benchRosterImport } from './roster-import';
import { benchWording } from './wording';
import { benchWorkerBundle } from './worker-bundle';

/** `npm run bench`: every figure beside its baseline from the same run; printed and saved as JSON. */
async function main() {
  const quick = process.argv.includes('--quick');
  // `--only municipal` (or any other name below) runs one benchmark.
  const only = process.argv[process.argv.indexOf('--only') + 1];
  const want = (name: string) => !process.argv.includes('--only') || only === name;
  const rows: BenchRow[] = [];
  console.log('IUP-stöd benchmarks — figures are from this machine and this run only; compare ratios.\n');
  // First, while nothing else of this run has warmed or loaded the machine.
  if (want('municipal')) rows.push(...(await benchMunicipalDay(quick)));
  if (want('api')) rows.push(...(await benchApiLoad(quick)));
  if (want('deadlines'))
    rows.push(
      ...(await benchDeadlines(
        quick
          ? [{ pupils: 2_000, runs: 5, summaryTargetMs: 50 }]
          : [
              { pupils: 2_000, runs: 30, summaryTargetMs: 50 },
              { pupils: 20_000, runs: 10, summaryTargetMs: 200 },
              { pupils: 50_000, runs: 5, summaryTargetMs: 1000, coldTargetMs: 1000 },
            ],
      )),
    );

  if (want('phrases')) rows.push(...benchPhraseSearch(quick));
  if (want('wording')) rows.push(...benchWording(quick));
  if (want('roster')) rows.push(...(await benchRosterImport(quick ? 5_000 : 50_000)));
  if (want('extension')) rows.push(...(await benchExtension(quick ? 5 : 30)));
  if (want('bundle')) rows.push(...benchWorkerBundle());

  const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
  const table = rows.map((r) => ({
    benchmark: r.name,
    figure: r.figure,
    value: `${fmt(r.value)} ${r.unit}`.trim(),
    'vs baseline':
      r.ratio === undefined ? '' : `${r.ratio >= 0.1 ? r.ratio.toFixed(1) : r.ratio.toPrecision(2)}× ${r.baseline}`,
    target: r.target ? `${r.target} ${r.met ? 'met' : 'NOT met'}` : '',
  }));
  console.table(table);
  mkdirSync('bench-results', { recursive: true });
  const file = `bench-results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2));
  console.log(`\nSaved ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
