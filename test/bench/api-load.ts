import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createDb } from '../../worker/db/client';
import { applyMigrations } from '../../worker/db/migrate';
import { openLocalClient } from '../../worker/db/open-local';
import type { BenchRow } from './deadlines';
import type { LoadResult, LoadScenario } from './load/load-client';
import { generateSchool } from './school-data';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = ['--import', 'tsx'];

/** Start a server script as its own process and resolve with its port once it prints it. */
function startServer(script: string, env: Record<string, string>): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [...TSX, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 30 s`)), 30_000);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /listening on (?:http:\/\/[\d.]+:)?(\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), child });
      }
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Run one scenario in the load-generator process; it gets the second core, the server the first. */
function load(dir: string, scenario: LoadScenario): Promise<LoadResult> {
  const file = join(dir, `scenario-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  const child = spawn(process.execPath, [...TSX, join(ROOT, 'test/bench/load/load-client.ts'), file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
    }),
  );
}

/** A 4 KB autosave body: what a teacher's draft of a few omdömen and the planning weighs. */
function draftBody(): string {
  const text = (s: string) =>
    `${s} läser med flyt och återberättar det viktigaste i texter. Nästa steg är att öva på att dra slutsatser och motivera dem. `.repeat(
      2,
    );
  const sections = {
    omdomen: ['SV', 'MA', 'EN', 'NO', 'SO', 'BL', 'MU', 'IDH', 'SL', 'TK'].map((subject) => ({
      subject,
      text: text(subject),
      scale: 2,
    })),
    social: 'Hjälper andra och tar ansvar i grupparbeten.',
    planning: { school: text('Skolan'), pupil: 'Läser 20 minuter varje dag.', guardians: 'Frågar om läsningen.' },
    pupilVoice: 'Jag vill bli bättre på att skriva berättelser.',
    agreements: { school: '', pupil: '', guardians: '' },
  };
  return JSON.stringify({ sections });
}

/**
 * The API under load from a separate process: 64 connections against the Node entry
 * (`worker/node.ts`, libSQL file, WAL + synchronous=NORMAL — a committed save survives a crash of
 * the process). Baselines from the same run: a bare Hono route returning constant JSON (measured
 * before and after; the mean is the divisor) and the raw libSQL versioned-UPDATE rate.
 */
export async function benchApiLoad(quick: boolean): Promise<BenchRow[]> {
  const seconds = quick ? 3 : 10;
  const connections = 64;
  const dir = mkdtempSync(join(tmpdir(), 'iup-load-'));
  const url = `file:${join(dir, 'load.db')}`;
  try {
    const client = await openLocalClient(url);
    const db = createDb(client);
    await applyMigrations(db);
    const { adminToken } = await generateSchool(db, client, 2_000);
    const body = draftBody();

    // Raw floor: the versioned UPDATE alone, and the whole autosave write (UPDATE + revision
    // INSERT in one transaction), through the same driver and PRAGMAs, no HTTP, no validation.
    const docs = (await client.execute('select id, version from iup_documents')).rows.map((r) => ({
      id: String(r.id),
      version: Number(r.version),
    }));
    const sections = JSON.stringify(JSON.parse(body).sections);
    const rawUpdate = await rate(1.5, async (i) => {
      const d = docs[i % docs.length]!;
      const res = await client.execute({
        sql: 'update iup_documents set sections = ?, version = version + 1, updated_at = ? where id = ? and version = ?',
        args: [sections, new Date().toISOString(), d.id, d.version],
      });
      if (res.rowsAffected !== 1) throw new Error('raw update lost its version');
      d.version++;
    });
    const rawSave = await rate(1.5, async (i) => {
      const d = docs[i % docs.length]!;
      await client.batch(
        [
          {
            sql: 'update iup_documents set sections = ?, version = version + 1, updated_at = ? where id = ? and version = ?',
            args: [sections, new Date().toISOString(), d.id, d.version],
          },
          {
            sql: 'insert into iup_revisions (id, document_id, version, status, sections, author_id, created_at) select ?, id, version, status, sections, author_id, updated_at from iup_documents where id = ?',
            args: [crypto.randomUUID(), d.id],
          },
        ],
        'write',
      );
      d.version++;
    });
    client.close();

    const bare = await startServer('test/bench/load/bare-server.ts', {});
    const api = await startServer('worker/node.ts', { DATABASE_URL: url, SEED_DEMO: 'false', PORT: '0' });
    try {
      const base = (port: number) => `http://127.0.0.1:${port}`;
      const bareRun = () =>
        load(dir, { kind: 'get', url: base(bare.port), connections, durationSeconds: seconds, paths: ['/bare'] });
      const bare1 = await bareRun();
      const getIup = await load(dir, {
        kind: 'get',
        url: base(api.port),
        connections,
        durationSeconds: seconds,
        token: adminToken,
        paths: docs.map((d) => `/v1/iups/${d.id}`),
      });
      const save = await load(dir, {
        kind: 'put-iup',
        url: base(api.port),
        connections,
        durationSeconds: seconds,
        token: adminToken,
        iups: docs,
        body,
      });
      const deadlines = await load(dir, {
        kind: 'get',
        url: base(api.port),
        connections,
        durationSeconds: seconds,
        token: adminToken,
        paths: ['/v1/deadlines?scope=school&date=2026-11-22&view=summary'],
      });
      const bare2 = await bareRun();
      for (const [name, r] of Object.entries({ getIup, save, deadlines, bare1, bare2 })) {
        if (r.non2xx || r.errors || r.conflicts)
          throw new Error(
            `${name}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.conflicts} conflicts — the figures would not be of successful requests`,
          );
      }
      const bareRps = (bare1.requestsPerSecond + bare2.requestsPerSecond) / 2;
      const vsBare = (r: LoadResult) => r.requestsPerSecond / bareRps;
      const rows: BenchRow[] = [
        {
          name: 'API load: bare Hono route, constant JSON',
          figure: `req/s (before ${bare1.requestsPerSecond.toFixed(0)}, after ${bare2.requestsPerSecond.toFixed(0)})`,
          value: bareRps,
          unit: 'req/s',
        },
        {
          name: 'API load: GET /v1/iups/{id} (4 KB document)',
          figure: 'throughput',
          value: getIup.requestsPerSecond,
          unit: 'req/s',
          baseline: 'bare route',
          ratio: vsBare(getIup),
          target: '≥ 0.15× bare',
          met: vsBare(getIup) >= 0.15,
        },
        {
          name: 'API load: GET /v1/iups/{id}',
          figure: 'p50 / p99',
          value: getIup.p99,
          unit: `ms p99 (p50 ${getIup.p50} ms)`,
          target: 'p99 ≤ 30 ms',
          met: getIup.p99 <= 30,
        },
        {
          name: 'API load: draft save PUT /v1/iups/{id}',
          figure: 'throughput',
          value: save.requestsPerSecond,
          unit: 'req/s',
          baseline: 'bare route',
          ratio: vsBare(save),
          target: '≥ 0.07× bare',
          met: vsBare(save) >= 0.07,
        },
        {
          name: 'API load: draft save PUT /v1/iups/{id}',
          figure: 'p50 / p99',
          value: save.p99,
          unit: `ms p99 (p50 ${save.p50} ms)`,
          target: 'p99 ≤ 30 ms',
          met: save.p99 <= 30,
        },
        {
          name: 'API load: draft save vs raw autosave write',
          figure: 'throughput',
          value: save.requestsPerSecond,
          unit: 'req/s',
          baseline: 'raw UPDATE+revision INSERT',
          ratio: save.requestsPerSecond / rawSave,
        },
        {
          name: 'API load: GET deadlines, 2,000 pupils, summary',
          figure: 'throughput',
          value: deadlines.requestsPerSecond,
          unit: 'req/s',
          baseline: 'bare route',
          ratio: vsBare(deadlines),
        },
        {
          name: 'API load: GET deadlines, 2,000 pupils, summary',
          figure: 'p50 / p99',
          value: deadlines.p99,
          unit: `ms p99 (p50 ${deadlines.p50} ms)`,
        },
        {
          name: 'baseline: raw libSQL versioned UPDATE (4 KB)',
          figure: 'rate, one writer',
          value: rawUpdate,
          unit: 'op/s',
        },
        {
          name: 'baseline: raw UPDATE + revision INSERT, one tx',
          figure: 'rate, one writer',
          value: rawSave,
          unit: 'op/s',
        },
      ];
      return rows;
    } finally {
      await Promise.all([stop(bare.child), stop(api.child)]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Operations per second of `fn` run back to back for `seconds`. */
async function rate(seconds: number, fn: (i: number) => Promise<void>): Promise<number> {
  for (let i = 0; i < 50; i++) await fn(i);
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < seconds * 1000) await fn(n++);
  return n / ((performance.now() - t0) / 1000);
}
