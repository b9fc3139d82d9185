import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../../worker/db/client';
import { applyMigrations } from '../../worker/db/migrate';
import { openLocalClient } from '../../worker/db/open-local';
import { hashToken } from '../../worker/auth/tokens';
import { reportPool } from '../../worker/reports/report-pool';
import { findActorByTokenHash } from '../../worker/repositories/tokens';
import { generateSchool } from './school-data';
import { median, quantile, time } from './stats';

export interface BenchRow {
  name: string;
  figure: string;
  value: number;
  unit: string;
  baseline?: string;
  ratio?: number;
  target?: string;
  met?: boolean;
}

/**
 * A school overview (`scope=school`) as the Node entry computes it: in a report thread (its own
 * connection, a large young generation), the answer as JSON text. Cold is the first report of a
 * thread that has just started (its code loaded, its connection's page cache empty, nothing
 * compiled yet); warm the median of the next ones. Baseline in the same run: one raw
 * SELECT of the same pupils' rows and nothing else — the floor any implementation pays.
 */
export async function benchDeadlines(
  sizes: { pupils: number; runs: number; summaryTargetMs: number; coldTargetMs?: number }[],
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { pupils, runs, summaryTargetMs, coldTargetMs } of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'iup-bench-'));
    const url = `file:${join(dir, 'bench.db')}`;
    const client = await openLocalClient(url);
    const db = createDb(client);
    await applyMigrations(db);
    const { adminToken } = await generateSchool(db, client, pupils);
    const actor = (await findActorByTokenHash(db, await hashToken(adminToken)))!.actor;
    const pool = reportPool(url, 1);
    try {
      await pool.ready();
      const summary = () => pool.run('deadlineReport', actor, 'school', '2026-11-22', 'summary', null);
      const t0 = performance.now();
      const first = JSON.parse(await summary()) as { summary: Record<string, number> };
      const cold = performance.now() - t0;
      if (Object.values(first.summary).reduce((a, b) => a + b, 0) < pupils)
        throw new Error('the summary does not count every pupil');
      const warm = await time(summary, runs);
      const page = await time(
        () => pool.run('deadlineReport', actor, 'school', '2026-11-22', 'full', { offset: 0, limit: 1000 }),
        Math.max(3, Math.floor(runs / 2)),
      );
      const raw = await time(() => client.execute('select * from pupils'), runs);
      const base = median(raw);
      const n = pupils.toLocaleString('en');
      const m = median(warm);
      rows.push({
        name: `school overview (summary), ${n} pupils`,
        figure: 'median',
        value: m,
        unit: 'ms',
        baseline: 'raw SELECT of the pupil rows',
        ratio: m / base,
        target: `≤ ${summaryTargetMs} ms`,
        met: m <= summaryTargetMs,
      });
      rows.push({
        name: `school overview (summary), ${n} pupils`,
        figure: 'p90',
        value: quantile(warm, 0.9),
        unit: 'ms',
      });
      rows.push({
        name: `school overview (summary), ${n} pupils`,
        figure: 'cold (first report of a started thread)',
        value: cold,
        unit: 'ms',
        ...(coldTargetMs ? { target: `≤ ${coldTargetMs} ms`, met: cold <= coldTargetMs } : {}),
      });
      rows.push({
        name: `school overview (full, first 1,000 pupils), ${n} pupils`,
        figure: 'median',
        value: median(page),
        unit: 'ms',
        baseline: 'raw SELECT of the pupil rows',
        ratio: median(page) / base,
      });
      rows.push({ name: 'baseline: raw SELECT of the pupil rows', figure: `median (${n})`, value: base, unit: 'ms' });
    } finally {
      await pool.close();
      client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
