import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../worker/app';
import { defaultConfig } from '../../worker/context';
import { createDb } from '../../worker/db/client';
import { applyMigrations } from '../../worker/db/migrate';
import { openLocalClient } from '../../worker/db/open-local';
import { generateSchool } from './school-data';
import { median, quantile, time } from './stats';

export interface BenchRow { name: string; figure: string; value: number; unit: string; baseline?: string; ratio?: number; target?: string; met?: boolean }

/**
 * GET /v1/deadlines?scope=school on a libSQL file, end to end through the app (auth, queries,
 * rules, JSON). Baseline in the same run: reading the same pupils' rows with one raw SELECT and
 * nothing else — the floor any implementation pays.
 */
export async function benchDeadlines(sizes: { pupils: number; runs: number; targetMs: number }[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const { pupils, runs, targetMs } of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'iup-bench-'));
    const client = await openLocalClient(`file:${join(dir, 'bench.db')}`);
    const db = createDb(client);
    await applyMigrations(db);
    const { adminToken } = await generateSchool(db, client, pupils);
    const app = createApp({ db, clock: () => new Date('2026-11-22T09:00:00Z'), config: defaultConfig() });
    const get = () => app.request('/v1/deadlines?scope=school&date=2026-11-22', { headers: { authorization: `Bearer ${adminToken}` } });
    const count = ((await (await get()).json()) as { pupils: unknown[] }).pupils.length;
    // Server-side time: the response body is produced in full, but not parsed by this client.
    const api = await time(async () => (await get()).arrayBuffer(), runs);
    if (count !== pupils) throw new Error(`expected ${pupils} pupils in the report, got ${count}`);
    const summaryOnly = await time(async () => (await app.request('/v1/deadlines?scope=school&date=2026-11-22&view=summary', { headers: { authorization: `Bearer ${adminToken}` } })).arrayBuffer(), runs);
    const raw = await time(() => client.execute('select * from pupils'), runs);
    const m = median(api);
    const base = median(raw);
    rows.push({ name: `deadlines, ${pupils.toLocaleString('en')} pupils`, figure: 'median', value: m, unit: 'ms', baseline: 'raw SELECT of the pupil rows', ratio: m / base, target: `≤ ${targetMs} ms`, met: m <= targetMs });
    rows.push({ name: `deadlines, ${pupils.toLocaleString('en')} pupils`, figure: 'p90', value: quantile(api, 0.9), unit: 'ms' });
    const ms = median(summaryOnly);
    rows.push({ name: `deadlines view=summary, ${pupils.toLocaleString('en')} pupils`, figure: 'median', value: ms, unit: 'ms', baseline: 'raw SELECT of the pupil rows', ratio: ms / base, target: `≤ ${targetMs} ms`, met: ms <= targetMs });
    rows.push({ name: 'baseline: raw SELECT of the pupil rows', figure: `median (${pupils.toLocaleString('en')})`, value: base, unit: 'ms' });
    client.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
