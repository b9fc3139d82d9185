import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { defaultConfig } from '../context';
import { createDb } from '../db/client';
import { openLocalClient } from '../db/open-local';
import { run } from './cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'iup-cli-'));
  process.env.DATABASE_URL = `file:${join(dir, 'cli.db')}`;
});
afterEach(() => {
  delete process.env.DATABASE_URL;
  rmSync(dir, { recursive: true, force: true });
});

const cli = async (...args: string[]) => {
  const lines: string[] = [];
  await run(args, (l) => lines.push(l));
  return lines;
};

describe('admin CLI', () => {
  it('creates a school, a team, a teacher and a token that works against the API; revokes it', async () => {
    const [schoolId] = await cli('school', 'create', '--name', 'Björkskolan', '--code', '12345678');
    const [teamId] = await cli('team', 'create', '--school', schoolId!, '--name', 'Lag 4–6');
    await cli('teacher', 'create', '--school', schoolId!, '--name', 'Åsa Ek', '--email', 'Asa@Example.se', '--team', teamId!, '--lead');
    const [token] = await cli('token', 'create', '--email', 'asa@example.se');
    expect(token).toMatch(/^iup_/);

    const client = await openLocalClient(process.env.DATABASE_URL!);
    const app = createApp({ db: createDb(client), clock: () => new Date(), config: defaultConfig() });
    const me = await app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ school: { name: 'Björkskolan' }, teams: [{ id: teamId, role: 'lead' }] });

    const [listed] = await cli('token', 'list', '--email', 'asa@example.se');
    await cli('token', 'revoke', '--id', listed!.split(' ')[0]!);
    expect((await app.request('/v1/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    client.close();
  });

  it('explains bad input instead of writing half a record', async () => {
    await expect(cli('school', 'create')).rejects.toThrow(/--name is required/);
    await expect(cli('school', 'create', '--name', 'X', '--code', '12')).rejects.toThrow(/8-digit/);
    await expect(cli('teacher', 'create', '--school', 'nope', '--name', 'A', '--email', 'a@b.se', '--team', 'nope')).rejects.toThrow();
    await expect(cli('token', 'create', '--email', 'nobody@x.se')).rejects.toThrow(/no teacher/);
    await expect(cli('frobnicate')).rejects.toThrow(/unknown command/);
    const client = await openLocalClient(process.env.DATABASE_URL!);
    expect((await client.execute('select count(*) as n from teachers')).rows[0]!.n).toBe(0);
    client.close();
  });
});
