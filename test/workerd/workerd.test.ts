import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../worker/db/client';
import { applyMigrations } from '../../worker/db/migrate';
import { seedDemo } from '../../worker/repositories/demo-school';
import { startHranaTestServer, type HranaTestServer } from './hrana-test-server';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'iup-workerd-'));
let hrana: HranaTestServer;
let mf: Miniflare;
let token: string;
let adminToken: string;

beforeAll(async () => {
  // Bundle exactly as `wrangler deploy` would, without uploading.
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', join(dir, 'bundle')],
    {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    },
  );
  hrana = await startHranaTestServer(join(dir, 'remote.db'));
  // What `npm run db:migrate` does against a remote URL: migrations over HTTP, then demo data.
  const remote = createDb(createClient({ url: hrana.url }));
  await applyMigrations(remote);
  const seeded = await seedDemo(remote, new Date());
  token = seeded!.teacherToken;
  adminToken = seeded!.adminToken;
  mf = new Miniflare({
    modules: true,
    scriptPath: join(dir, 'bundle', 'index.js'),
    modulesRoot: join(dir, 'bundle'),
    compatibilityDate: '2025-09-01',
    bindings: { LIBSQL_URL: hrana.url, CORS_ORIGINS: 'chrome-extension://*' },
  });
}, 120_000);

afterAll(async () => {
  await mf?.dispose();
  await hrana?.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async (
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {},
) => {
  const res = await mf.dispatchFetch(`http://iup.example${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      'content-type': 'application/json',
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('the Workers build inside workerd, against remote libSQL over HTTP', () => {
  it('answers health and authenticates with a token stored remotely', async () => {
    expect((await call('/v1/health')).body.ok).toBe(true);
    expect((await call('/v1/pupils')).status).toBe(401);
    const pupils = await call('/v1/pupils', { token });
    expect(pupils.status).toBe(200);
    expect(pupils.body.total).toBe(30);
  });

  it('writes through interactive transactions: create, optimistic save, 409 on a stale version', async () => {
    const pupilId = (await call('/v1/pupils?limit=1', { token })).body.pupils[0].id;
    const created = await call('/v1/iups', { method: 'POST', token, body: { pupilId, schoolYear: '2026/27' } });
    expect(created.status).toBe(201);
    const saved = await call(`/v1/iups/${created.body.id}`, {
      method: 'PUT',
      token,
      body: { version: 1, sections: { pupilVoice: 'Jag vill bli bättre på bråk.' } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);
    const stale = await call(`/v1/iups/${created.body.id}`, {
      method: 'PUT',
      token: adminToken,
      body: { version: 1, sections: { pupilVoice: 'x' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.sections.pupilVoice).toBe('Jag vill bli bättre på bråk.');
    const revisions = await call(`/v1/iups/${created.body.id}/revisions`, { token });
    expect(revisions.body.revisions).toHaveLength(2);
  });

  it('returns the JSON error shape for validation errors', async () => {
    const bad = await call('/v1/pupils', { method: 'POST', token: adminToken, body: { firstName: 'A' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });
});
