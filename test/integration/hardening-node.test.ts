import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../worker/admin/cli';
import { startApi, stopApi } from './api-process';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'iup-hardening-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const call = async (base: string, token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
};

/** Every byte the database keeps on disk: the file, its write-ahead log and shared memory. */
const diskBytes = (file: string) =>
  Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((f) => readFileSync(f)));

describe('the started Node server, as an outside probe sees it', () => {
  it('erasure leaves nothing on disk: not in the database file, not in its free pages, not in the log', async () => {
    const db = join(dir, 'erase.db');
    const api = await startApi(db);
    try {
      const admin = api.tokens.admin!;
      const teacher = api.tokens.teacher!;
      const { body: me } = await call(api.base, teacher, 'GET', '/v1/me');
      const NAME = 'Zebulon';
      const SURNAME = 'Qwertyhavn';
      const TEXT = 'Zebulon läser kapitelböcker med god förståelse och berättar om dem';
      const COMMENT = 'Vi vill prata om Zebulons fotbollsträningar på tisdagar';
      const pupil = await call(api.base, admin, 'POST', '/v1/pupils', {
        firstName: NAME,
        lastName: SURNAME,
        skolform: 'grundskola',
        arskurs: 3,
        groupIds: [me.groups[0].id],
      });
      expect(pupil.status).toBe(201);
      const year = (await call(api.base, teacher, 'GET', '/v1/school')).body.calendar.schoolYears.find(
        (y: { terms: { start: string }[] }) => y.terms[0]!.start <= new Date().toISOString().slice(0, 10),
      ).label;
      const doc = (await call(api.base, teacher, 'POST', '/v1/iups', { pupilId: pupil.body.id, schoolYear: year }))
        .body;
      // Several versions, so old copies of the text sit in revisions and freed pages.
      for (let v = 1; v <= 5; v++)
        expect(
          (
            await call(api.base, teacher, 'PUT', `/v1/iups/${doc.id}`, {
              version: v,
              sections: { pupilVoice: `${TEXT} (${v})` },
            })
          ).status,
        ).toBe(200);
      const link = (
        await call(api.base, teacher, 'POST', `/v1/pupils/${pupil.body.id}/share-links`, { schoolYear: year })
      ).body;
      const form = await fetch(`${api.base}${link.path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ section: 'guardians', text: COMMENT }),
      });
      expect(form.status).toBe(303);
      // Move everything from the log into the main file first, as a quiet server would.
      const outside = createClient({ url: `file:${db}` });
      await outside.execute('PRAGMA wal_checkpoint(TRUNCATE)');
      outside.close();
      const before = diskBytes(db);
      for (const s of [NAME, SURNAME, TEXT, COMMENT]) expect(before.includes(Buffer.from(s)), s).toBe(true);

      const erased = await call(api.base, admin, 'DELETE', `/v1/pupils/${pupil.body.id}`);
      expect(erased).toEqual({ status: 200, body: { deleted: true, diskScrubbed: true } });
      const after = diskBytes(db);
      for (const s of [NAME, SURNAME, TEXT, COMMENT, 'Qwerty']) expect(after.includes(Buffer.from(s)), s).toBe(false);
      // The log says that it happened, not what was there.
      expect(
        (await call(api.base, admin, 'GET', `/v1/access-log?pupilId=${pupil.body.id}`)).body.entries.map(
          (e: { action: string }) => e.action,
        ),
      ).toContain('erase');
    } finally {
      await stopApi(api.child);
    }
  }, 60_000);

  it('a partial settings update keeps the rest: the demo school still publishes its platform and its detection rule', async () => {
    const api = await startApi(join(dir, 'settings.db'));
    try {
      const before = (await call(api.base, api.tokens.admin!, 'GET', '/v1/school')).body.settings;
      expect(before.lmsOrigins.length).toBeGreaterThan(0);
      const res = await call(api.base, api.tokens.admin!, 'PATCH', '/v1/school', { settings: { dueSoonDays: 14 } });
      expect(res.status).toBe(200);
      expect(res.body.settings).toEqual({ ...before, dueSoonDays: 14 });
      const unknown = await call(api.base, api.tokens.admin!, 'PATCH', '/v1/school', { settings: { dueSoon: 14 } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toContain('dueSoon');
    } finally {
      await stopApi(api.child);
    }
  }, 60_000);

  it('a token revoked from the admin CLI stops working on the running server within its 2-second cache', async () => {
    const db = join(dir, 'revoke.db');
    const api = await startApi(db);
    try {
      const cli = async (...args: string[]) => {
        const lines: string[] = [];
        const before = process.env.DATABASE_URL;
        process.env.DATABASE_URL = `file:${db}`;
        try {
          await run(args, (l) => lines.push(l));
        } finally {
          if (before === undefined) delete process.env.DATABASE_URL;
          else process.env.DATABASE_URL = before;
        }
        return lines;
      };
      const [token] = await cli('token', 'create', '--email', 'lina@demoskolan.example');
      expect((await call(api.base, token!, 'GET', '/v1/me')).status).toBe(200);
      const id = (await cli('token', 'list', '--email', 'lina@demoskolan.example'))
        .map((l) => l.split(' ')[0]!)
        .at(-1)!;
      await cli('token', 'revoke', '--id', id);
      const revokedAt = Date.now();
      let refusedAfter = Infinity;
      while (Date.now() - revokedAt < 5_000) {
        if ((await call(api.base, token!, 'GET', '/v1/me')).status === 401) {
          refusedAfter = Date.now() - revokedAt;
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(refusedAfter).toBeLessThanOrEqual(2_500);
    } finally {
      await stopApi(api.child);
    }
  }, 60_000);

  it('a bad setting stops the start with the variable named, before anything is opened', () => {
    for (const [name, value] of [
      ['MAX_BODY_BYTES', 'lots'],
      ['PORT', 'eighty'],
      ['TRUST_PROXY', 'nginx'],
      ['SEED_DEMO', 'yes'],
    ] as const) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'worker/node.ts'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: `file:${join(dir, 'never.db')}`, PORT: '0', [name]: value },
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect([name, r.status]).toEqual([name, 1]);
      expect(r.stderr).toContain(name);
      expect(existsSync(join(dir, 'never.db'))).toBe(false);
    }
  }, 60_000);

  it('team and school overviews come from the report thread, errors and all, the same as computed in the request', async () => {
    const db = join(dir, 'reports.db');
    const api = await startApi(db, { env: { API_PROCESSES: '1', REPORT_THREADS: '1' } });
    const inline = await startApi(join(dir, 'reports-inline.db'), { env: { API_PROCESSES: '1', REPORT_THREADS: '0' } });
    try {
      const date = '2026-11-22';
      for (const server of [api, inline]) {
        const school = await call(server.base, server.tokens.admin!, 'GET', `/v1/deadlines?scope=school&date=${date}`);
        expect(school.status).toBe(200);
        expect(school.body.pupils).toEqual([]);
        expect(Object.values(school.body.summary as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(
          30,
        );
        const team = await call(server.base, server.tokens.teacher!, 'GET', `/v1/deadlines?scope=team&date=${date}`);
        expect(team.body.pupils.length).toBeGreaterThan(0);
        // An API error raised in the thread reaches the caller as the same error.
        const refused = await call(
          server.base,
          server.tokens.teacher!,
          'GET',
          `/v1/deadlines?scope=school&date=${date}`,
        );
        expect(refused.status).toBe(403);
        expect(refused.body.error.code).toBe('forbidden');
      }
      // The two demo databases differ only in their random ids: the counts are the same.
      const counts = async (server: typeof api) =>
        (await call(server.base, server.tokens.admin!, 'GET', `/v1/deadlines?scope=school&date=${date}`)).body.summary;
      expect(await counts(api)).toEqual(await counts(inline));
    } finally {
      await Promise.all([stopApi(api.child), stopApi(inline.child)]);
    }
  }, 60_000);
});
