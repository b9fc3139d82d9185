import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../worker/admin/cli';
import { startApi, stopApi } from './api-process';

const dir = mkdtempSync(join(tmpdir(), 'iup-backup-'));
const live = join(dir, 'live.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = async (...args: string[]) => {
  const lines: string[] = [];
  const before = process.env.DATABASE_URL;
  process.env.DATABASE_URL = `file:${live}`;
  try {
    await run(args, (l) => lines.push(l));
  } finally {
    process.env.DATABASE_URL = before;
    if (before === undefined) delete process.env.DATABASE_URL;
  }
  return lines;
};

describe('npm run admin -- backup / restore, with the server running', () => {
  it('snapshots consistently under writes and restores in place; the server serves the restored data and keeps writing', async () => {
    const api = await startApi(live);
    try {
      const admin = api.tokens.admin!;
      const call = (method: string, path: string, body?: unknown) =>
        fetch(`${api.base}${path}`, {
          method,
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const phraseTexts = async () =>
        ((await (await call('GET', '/v1/phrases')).json()) as { phrases: { text: string }[] }).phrases.map(
          (p) => p.text,
        );
      expect((await call('POST', '/v1/phrases', { text: 'Före säkerhetskopian.', scope: 'school' })).status).toBe(201);

      // Writes keep landing while the snapshot is taken.
      let writing = true;
      let during = 0;
      const writer = (async () => {
        while (writing) {
          const res = await call('POST', '/v1/phrases', { text: `Under kopieringen ${during}.`, scope: 'school' });
          expect(res.status).toBe(201);
          during++;
        }
      })();
      const [line] = await cli('backup', '--out', join(dir, 'b1.db'));
      writing = false;
      await writer;
      expect(line).toMatch(/backup written: .*b1\.db .*integrity ok/);
      await expect(cli('backup', '--out', join(dir, 'b1.db'))).rejects.toThrow(/exists already/);

      const snapshot = createClient({ url: `file:${join(dir, 'b1.db')}` });
      const inSnapshot = (await snapshot.execute("select text from phrases where text like 'Under kopieringen%'")).rows
        .length;
      expect((await snapshot.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok');
      snapshot.close();
      expect(inSnapshot).toBeLessThanOrEqual(during);

      expect((await call('POST', '/v1/phrases', { text: 'Efter säkerhetskopian.', scope: 'school' })).status).toBe(201);
      await expect(cli('restore', '--from', join(dir, 'b1.db'))).rejects.toThrow(/--yes/);
      expect(await phraseTexts()).toContain('Efter säkerhetskopian.');

      const [restored] = await cli('restore', '--from', join(dir, 'b1.db'), '--yes');
      expect(restored).toMatch(/restored \d+ rows in \d+ tables/);
      const kept = /previous state is in (\S+)$/.exec(restored!)![1]!;
      expect(existsSync(kept)).toBe(true);

      // The running server now serves the snapshot: what was written before it, not after.
      const texts = await phraseTexts();
      expect(texts).toContain('Före säkerhetskopian.');
      expect(texts).not.toContain('Efter säkerhetskopian.');
      expect(texts.filter((t) => t.startsWith('Under kopieringen')).length).toBe(inSnapshot);
      expect((await call('POST', '/v1/phrases', { text: 'Efter återställningen.', scope: 'school' })).status).toBe(201);
      expect(await phraseTexts()).toContain('Efter återställningen.');

      // The state before the restore was kept and can itself be restored.
      const previous = createClient({ url: `file:${kept}` });
      expect(
        (await previous.execute("select count(*) as n from phrases where text = 'Efter säkerhetskopian.'")).rows[0]!.n,
      ).toBe(1);
      previous.close();
      const check = createClient({ url: `file:${live}` });
      expect((await check.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok');
      check.close();
    } finally {
      await stopApi(api.child);
    }
  }, 60_000);

  it('refuses a file that is not a sound backup and changes nothing', async () => {
    const count = async () => {
      const c = createClient({ url: `file:${live}` });
      try {
        return Number(
          (await c.execute('select (select count(*) from phrases) + (select count(*) from pupils) as n')).rows[0]!.n,
        );
      } finally {
        c.close();
      }
    };
    const before = await count();
    const bad = join(dir, 'not-a-db.db');
    writeFileSync(bad, 'this is not a database'.repeat(100));
    await expect(cli('restore', '--from', bad, '--yes')).rejects.toThrow();
    await expect(cli('restore', '--from', join(dir, 'missing.db'), '--yes')).rejects.toThrow(/no backup/);
    expect(await count()).toBe(before);
  });

  it('a restore does not bring back a pupil erased after the backup was taken', async () => {
    const db = join(dir, 'erasure.db');
    const api = await startApi(db);
    try {
      const admin = api.tokens.admin!;
      const call = (method: string, path: string) =>
        fetch(`${api.base}${path}`, { method, headers: { authorization: `Bearer ${admin}` } });
      const { pupils } = (await (await call('GET', '/v1/pupils')).json()) as {
        pupils: { id: string; firstName: string }[];
      };
      const gone = pupils[0]!;
      const withDb = async (...args: string[]) => {
        const lines: string[] = [];
        const before = process.env.DATABASE_URL;
        process.env.DATABASE_URL = `file:${db}`;
        try {
          await run(args, (l) => lines.push(l));
        } finally {
          process.env.DATABASE_URL = before;
          if (before === undefined) delete process.env.DATABASE_URL;
        }
        return lines;
      };
      await withDb('backup', '--out', join(dir, 'before-erasure.db'));
      expect((await call('DELETE', `/v1/pupils/${gone.id}`)).status).toBe(200);
      const out = await withDb('restore', '--from', join(dir, 'before-erasure.db'), '--yes');
      expect(out.at(-1)).toBe('1 pupil(s) erased after the backup was taken were erased again');
      expect((await call('GET', `/v1/pupils/${gone.id}`)).status).toBe(404);
      const after = (await (await call('GET', '/v1/pupils')).json()) as { total: number };
      expect(after.total).toBe(pupils.length - 1);
      // The erasure stays recorded, so the next restore of an old backup erases them again too.
      const log = (await (await call('GET', `/v1/access-log?pupilId=${gone.id}`)).json()) as {
        entries: { action: string }[];
      };
      expect(log.entries.map((e) => e.action)).toContain('erase');
    } finally {
      await stopApi(api.child);
    }
  }, 60_000);
});
