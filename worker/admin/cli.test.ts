import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { defaultConfig } from '../context';
import { createDb } from '../db/client';
import { openLocalClient } from '../db/open-local';
import { SS12000_FIXTURE_DIR, validSs12000Files } from '../testing/ss12000-fixture';
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
    await cli(
      'teacher',
      'create',
      '--school',
      schoolId!,
      '--name',
      'Åsa Ek',
      '--email',
      'Asa@Example.se',
      '--team',
      teamId!,
      '--lead',
    );
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
    await expect(
      cli('teacher', 'create', '--school', 'nope', '--name', 'A', '--email', 'a@b.se', '--team', 'nope'),
    ).rejects.toThrow();
    await expect(cli('token', 'create', '--email', 'nobody@x.se')).rejects.toThrow(/no teacher/);
    await expect(cli('frobnicate')).rejects.toThrow(/unknown command/);
    // A name is held to the API's rules: no direction overrides, no line breaks.
    await expect(cli('school', 'create', '--name', 'Björk\u202Eskolan')).rejects.toThrow(/direction-changing/);
    const client = await openLocalClient(process.env.DATABASE_URL!);
    expect((await client.execute('select count(*) as n from teachers')).rows[0]!.n).toBe(0);
    client.close();
  });

  it('imports a roster file of any size from disk: dry run first, then for real, as a named admin', async () => {
    const [schoolId] = await cli('school', 'create', '--name', 'Björkskolan');
    await cli(
      'teacher',
      'create',
      '--school',
      schoolId!,
      '--name',
      'Per Ek',
      '--email',
      'per@example.se',
      '--role',
      'admin',
    );
    await cli('teacher', 'create', '--school', schoolId!, '--name', 'Åsa Ek', '--email', 'asa@example.se');
    const rows = Array.from({ length: 2000 }, (_, i) => `e-${i};Elev${i};Ärlig;${1 + (i % 6)}A;${1 + (i % 6)}`);
    const file = join(dir, 'elever.csv');
    // Windows-1252, as older school systems export it.
    writeFileSync(file, Buffer.from(`Elev-ID;Förnamn;Efternamn;Klass;Årskurs\r\n${rows.join('\r\n')}\r\n`, 'latin1'));
    await expect(cli('roster', 'import', '--file', file, '--as', 'asa@example.se')).rejects.toThrow(/not an admin/);
    const dry = await cli('roster', 'import', '--file', file, '--as', 'per@example.se', '--dry-run');
    expect(dry.at(-1)).toBe('dry run: would create 2000, updated 0, unchanged 0; new classes: 1A, 2A, 3A, 4A, 5A, 6A');
    expect(dry[0]).toContain('windows-1252');
    const real = await cli('roster', 'import', '--file', file, '--as', 'per@example.se');
    expect(real.at(-1)).toBe('created 2000, updated 0, unchanged 0; new classes: 1A, 2A, 3A, 4A, 5A, 6A');
    const client = await openLocalClient(process.env.DATABASE_URL!);
    expect((await client.execute("select last_name from pupils where lms_id = 'e-7'")).rows[0]![0]).toBe('Ärlig');
    client.close();
    expect((await cli('roster', 'import', '--file', file, '--as', 'per@example.se')).at(-1)).toBe(
      'created 0, updated 0, unchanged 2000; new classes: none',
    );
  });

  it('imports SS 12000 export files from a folder, refusing them whole when a person is invalid', async () => {
    const [schoolId] = await cli('school', 'create', '--name', 'Björkskolan', '--code', '12345678');
    await cli(
      'teacher',
      'create',
      '--school',
      schoolId!,
      '--name',
      'Per Ek',
      '--email',
      'per@example.se',
      '--role',
      'admin',
    );
    const fixtures = SS12000_FIXTURE_DIR;
    await expect(cli('roster', 'import-ss12000', '--dir', fixtures, '--as', 'per@example.se')).rejects.toThrow(
      /2 problem/,
    );
    const folder = join(dir, 'ss12000');
    mkdirSync(folder);
    for (const name of ['organisations', 'groups'])
      writeFileSync(join(folder, `${name}.json`), readFileSync(join(fixtures, `${name}.json`)));
    writeFileSync(join(folder, 'persons.json'), JSON.stringify(validSs12000Files().persons));
    const out = await cli('roster', 'import-ss12000', '--dir', folder, '--as', 'per@example.se');
    const reasons = [
      '8 persons are not imported as pupils here:',
      '  5 no enrolment (staff or another role): p-6, p-12, p-13, p-14, p-15',
      '  1 enrolled in a school form the product does not serve (only FKLASS, GR, GRS, SP, SAM): p-7',
      '  1 enrolled at another school unit: p-8',
      '  1 enrolment cancelled: p-9',
    ];
    expect(out).toEqual([...reasons, 'created 5, updated 0, unchanged 0; new classes: 3A, FA, 5B']);
    // With duties and activities beside them, staff and mentors come too.
    for (const name of ['duties', 'activities'])
      writeFileSync(join(folder, `${name}.json`), readFileSync(join(fixtures, `${name}.json`)));
    expect(await cli('roster', 'import-ss12000', '--dir', folder, '--as', 'per@example.se')).toEqual([
      ...reasons,
      'created 0, updated 0, unchanged 5; new classes: none',
      'staff: created 2, updated 0, unchanged 0; mentorships added 2',
      'staff p-15 skipped: no e-mail address or eduPersonPrincipalName to sign in with',
    ]);
  });

  it('exits 2 with the error alone for bad data, in a dry run as in a real run; the usage text only for a wrong command line', async () => {
    const [schoolId] = await cli('school', 'create', '--name', 'Björkskolan', '--code', '12345678');
    await cli(
      'teacher',
      'create',
      '--school',
      schoolId!,
      '--name',
      'Per Ek',
      '--email',
      'per@example.se',
      '--role',
      'admin',
    );
    const entry = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'worker/admin/cli.ts', ...args], {
        cwd: join(import.meta.dirname, '../..'),
        env: { ...process.env },
        encoding: 'utf8',
      });
    const dry = entry('roster', 'import-ss12000', '--dir', SS12000_FIXTURE_DIR, '--as', 'per@example.se', '--dry-run');
    const real = entry('roster', 'import-ss12000', '--dir', SS12000_FIXTURE_DIR, '--as', 'per@example.se');
    for (const r of [dry, real]) {
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('row 10 (familyName)');
      expect(r.stderr).toMatch(/^error: .*2 problem/);
      expect(r.stderr).not.toContain('Usage:');
    }
    const usage = entry('roster', 'import-ss12000', '--as', 'per@example.se');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--dir is required');
    expect(usage.stderr).toContain('Usage:');
  }, 30_000);
});
