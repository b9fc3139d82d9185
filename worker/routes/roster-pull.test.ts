import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';
import { validSs12000Files } from '../testing/ss12000-fixture';
import { startFakeSs12000Source, type FakeSs12000Source } from '../testing/ss12000-source';

const TOKEN = 'source-secret-token';

let t: TestApi;
let source: FakeSs12000Source;
beforeEach(async () => {
  // The test source runs on this machine, so its address is allowed by name, as a school would
  // allow its own SS 12000 server on the local network.
  t = await createTestApi({ ss12000AllowedHosts: ['127.0.0.1'] });
  await t.client.execute({
    sql: 'update schools set school_unit_code = ? where id = ?',
    args: ['12345678', t.a.schoolId],
  });
  const files = validSs12000Files();
  const persons = files.persons.data.map((p) => ({ ...p, meta: { modified: '2026-08-01T00:00:00Z' } }));
  source = await startFakeSs12000Source(
    {
      organisations: files.organisations.data,
      persons,
      groups: files.groups.data,
      duties: files.duties.data,
      activities: files.activities.data,
    },
    TOKEN,
  );
});
afterEach(async () => {
  await source.close();
});

const pull = (body: Record<string, unknown>, token = t.a.tokens.admin) =>
  t.call(token, 'POST', '/v1/roster/pull-ss12000', { baseUrl: source.url, token: TOKEN, teamId: t.a.teamA, ...body });
const pupilCount = async () =>
  Number((await t.client.execute('select count(*) from pupils where ss12000_id is not null')).rows[0]![0]);

describe('pulling the roster from an SS 12000 API', () => {
  it('reads every page, then only persons changed since the last pull', async () => {
    const first = await pull({});
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      since: null,
      rows: 5,
      report: { created: 5, classesCreated: ['3A', 'FA', '5B'], staff: { created: 2, mentorshipsAdded: 2 } },
    });
    // Pages of two: the source was asked again with its page token until it said there was no more.
    const personPages = source.requests.filter((u) => u.pathname.endsWith('/persons'));
    expect(personPages.length).toBe(Math.ceil(source.lists.persons!.length / 2));
    expect(personPages.slice(1).every((u) => u.searchParams.has('pageToken'))).toBe(true);
    expect(personPages.some((u) => u.searchParams.has('meta.modified.after'))).toBe(false);

    // Omar changes family name in the school's system.
    source.lists.persons = source.lists.persons!.map((p) =>
      p.id === 'p-2' ? { ...p, familyName: 'Ekström', meta: { modified: '2026-11-10T08:00:00Z' } } : p,
    );
    source.requests.length = 0;
    t.setNow('2026-11-12T09:00:00Z');
    const second = await pull({});
    expect(second.body).toMatchObject({
      since: '2026-11-02T09:00:00.000Z',
      rows: 1,
      report: { created: 0, updated: 1, unchanged: 0 },
    });
    expect(
      source.requests
        .filter((u) => u.pathname.endsWith('/persons'))
        .map((u) => u.searchParams.get('meta.modified.after')),
    ).toEqual(['2026-11-02T09:00:00.000Z']);
    expect((await t.client.execute("select last_name from pupils where ss12000_id = 'p-2'")).rows[0]![0]).toBe(
      'Ekström',
    );
    // `full` reads everyone again.
    expect((await pull({ full: true })).body).toMatchObject({ since: null, rows: 5, report: { unchanged: 5 } });
    // The token is used, never stored.
    const stored = JSON.stringify((await t.client.execute('select * from roster_pulls')).rows);
    expect(stored).not.toContain(TOKEN);
    expect(stored).toContain(source.url);
  });

  it('a dry run previews without writing or counting as a pull', async () => {
    const preview = await pull({ dryRun: true });
    expect(preview.body).toMatchObject({
      report: { dryRun: true, created: 5, staff: { created: 2, mentorshipsAdded: 2 } },
    });
    expect(await pupilCount()).toBe(0);
    expect((await t.client.execute('select count(*) from roster_pulls')).rows[0]![0]).toBe(0);
  });

  it('answers every failure to read the source with one error, and writes nothing', async () => {
    const refused = await pull({ token: 'wrong' });
    source.failWith = 500;
    const failed = await pull({});
    source.failWith = 429;
    const limited = await pull({});
    await source.close();
    const unreachable = await pull({});
    for (const res of [refused, failed, limited, unreachable]) {
      expect(res.status).toBe(502);
      // The same words whatever happened: otherwise an admin token tells open ports from closed ones.
      expect(res.body).toEqual(refused.body);
      expect(res.body.error.code).toBe('upstream_failed');
    }
    expect(JSON.stringify(refused.body)).not.toContain('wrong');
    expect(await pupilCount()).toBe(0);
    expect((await t.client.execute('select count(*) from roster_pulls')).rows[0]![0]).toBe(0);
  });

  it('takes only https sources (plain http only to an allowed host), and only from admins', async () => {
    const plain = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/pull-ss12000', {
      baseUrl: 'http://skolsystem.example/ss12000',
      token: TOKEN,
    });
    expect(plain.status).toBe(400);
    expect(plain.body.error.message).toContain('https');
    expect((await pull({}, t.a.tokens.teacherA)).status).toBe(403);
    expect(source.requests).toHaveLength(0);
  });
});

describe('a pull never reaches the server itself or its network', () => {
  it('refuses loopback, private and link-local addresses in every spelling, with the one error', async () => {
    // Default settings: nothing allowed by name.
    const api = await createTestApi();
    const local = await startFakeSs12000Source({}, TOKEN);
    const port = new URL(local.url).port;
    try {
      const targets = [
        `https://127.0.0.1:${port}/ss12000`,
        `https://127.1:${port}/ss12000`,
        `https://2130706433:${port}/ss12000`,
        `https://0x7f.1:${port}/ss12000`,
        `https://[::1]:${port}/ss12000`,
        `https://[::ffff:127.0.0.1]:${port}/ss12000`,
        'https://169.254.169.254/latest',
        'https://10.0.0.1/ss12000',
        'https://192.168.1.1/ss12000',
        'https://[fd00::1]/ss12000',
        'https://100.64.0.1/ss12000',
        'https://0.0.0.0/ss12000',
      ];
      for (const baseUrl of targets) {
        const res = await api.call(api.a.tokens.admin, 'POST', '/v1/roster/pull-ss12000', {
          baseUrl,
          token: TOKEN,
          dryRun: true,
        });
        expect([baseUrl, res.status]).toEqual([baseUrl, 502]);
        expect(res.body.error.code).toBe('upstream_failed');
      }
      // Plain http to this machine is not even tried without the setting.
      const plain = await api.call(api.a.tokens.admin, 'POST', '/v1/roster/pull-ss12000', {
        baseUrl: `http://127.0.0.1:${port}/ss12000`,
        token: TOKEN,
      });
      expect(plain.status).toBe(400);
      expect(local.requests).toHaveLength(0);
    } finally {
      await local.close();
    }
  });
});
