import { createClient } from '@libsql/client';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { defaultConfig } from '../context';
import { createDb } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { seedDemo } from '../repositories/demo-school';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

const duty = (report: any, pupilId: string, kind: string, term: string | null = null) =>
  report.pupils.find((p: any) => p.id === pupilId)?.duties.find((d: any) => d.kind === kind && d.period.term === term);

describe('GET /v1/deadlines', () => {
  it('computes each pupil’s duties in the team, with counts overall and per class', async () => {
    await t.call(t.a.tokens.teacherA, 'POST', '/v1/meetings', {
      pupilId: t.a.pupilA,
      startsAt: '2026-10-01T12:00:00Z',
      status: 'held',
      agreements: [{ party: 'pupil', text: 'Läser.' }],
    });
    const res = await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines?scope=team&date=2026-12-01');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ date: '2026-12-01', schoolYear: '2026/27', calendarMissing: false });
    expect(r.pupils.map((p: any) => p.id).sort()).toEqual([t.a.pupilA, t.a.pupilMarked].sort());
    expect(duty(r, t.a.pupilA, 'samtal-term', 'ht')).toMatchObject({ state: 'done', reason: 'deadlineSamtalHeld' });
    expect(duty(r, t.a.pupilA, 'agreements-documented', 'ht').state).toBe('done');
    expect(duty(r, t.a.pupilMarked, 'samtal-term', 'ht')).toMatchObject({ state: 'due-soon', due: '2026-12-19' });
    expect(duty(r, t.a.pupilA, 'iup-läsår')).toMatchObject({ state: 'open', due: '2027-06-12' });
    const total = Object.values(r.summary as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(r.pupils.reduce((n: number, p: any) => n + p.duties.length, 0));
    expect(r.summary['due-soon']).toBe(1);
    expect(r.groups).toEqual([
      expect.objectContaining({
        id: t.a.classA,
        name: '3A',
        pupilIds: expect.arrayContaining([t.a.pupilA, t.a.pupilMarked]),
      }),
    ]);
    expect(r.pupils.find((p: any) => p.id === t.a.pupilMarked).worst).toBe('due-soon');
  });

  it('view=summary gives the same counts without per-pupil duties', async () => {
    const full = (await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines?date=2026-12-01')).body;
    const summary = (await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines?date=2026-12-01&view=summary')).body;
    expect(summary.summary).toEqual(full.summary);
    expect(summary.groups).toEqual(full.groups);
    expect(summary.pupils).toEqual([]);
  });

  it('scopes: me = mentees, school = admin only (security-marked left out), nothing across schools', async () => {
    const me = (await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines?scope=me&date=2026-12-01')).body;
    expect(me.pupils.map((p: any) => p.id)).toEqual([t.a.pupilA]);
    expect((await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines?scope=school')).status).toBe(403);
    const school = (await t.call(t.a.tokens.admin, 'GET', '/v1/deadlines?scope=school&view=full&date=2026-12-01')).body;
    expect(school.pupils.map((p: any) => p.id).sort()).toEqual([t.a.pupilA, t.a.pupilB].sort());
    const other = (await t.call(t.b.tokens.admin, 'GET', '/v1/deadlines?scope=school&view=full&date=2026-12-01')).body;
    expect(other.pupils.map((p: any) => p.id)).not.toContain(t.a.pupilA);
    expect((await t.call(t.a.tokens.teacherB, 'GET', '/v1/deadlines?scope=me')).body.pupils).toEqual([]);
  });

  it('says when the calendar lacks the läsår instead of answering "not required"', async () => {
    const r = (await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines?date=2028-02-01')).body;
    expect(r).toMatchObject({ schoolYear: null, calendarMissing: true });
    expect(r.pupils.every((p: any) => p.duties.length === 0)).toBe(true);
  });

  it('defaults the date to today in Stockholm and validates the query', async () => {
    t.setNow('2026-12-19T23:30:00Z');
    expect((await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines')).body.date).toBe('2026-12-20');
    expect((await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines?date=2026-13-01')).status).toBe(400);
    expect((await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines?scope=everyone')).status).toBe(400);
  });
});

describe('deadlines for the demo school', () => {
  it('match the demo data: FK per läsår (invited: done), no IUP for åk 6, held samtal done, booked scheduled', async () => {
    const client = createClient({ url: ':memory:' });
    const db = createDb(client);
    await applyMigrations(db);
    const seeded = (await seedDemo(db, new Date('2026-11-02T08:00:00Z')))!;
    const app = createApp({ db, clock: () => new Date('2026-11-02T08:00:00Z'), config: defaultConfig() });
    const get = async (path: string) =>
      (await app.request(path, { headers: { authorization: `Bearer ${seeded.adminToken}` } })).json();
    const report = await get('/v1/deadlines?scope=school&view=full');
    const pupils = (await get('/v1/pupils')).pupils as any[];
    const meetings = (await get('/v1/meetings')).meetings as any[];
    expect(report.pupils).toHaveLength(30);
    for (const p of pupils) {
      const duties = report.pupils.find((x: any) => x.id === p.id).duties;
      const kinds = duties.map((d: any) => d.kind);
      if (p.skolform === 'forskoleklass') expect(kinds).toContain('samtal-läsår');
      else expect(kinds).toContain('samtal-term');
      const iup = duties.find((d: any) => d.kind === 'iup-läsår');
      expect(iup.state === 'not-required', `${p.skolform} åk ${p.arskurs}`).toBe(
        p.skolform === 'forskoleklass' || (p.skolform === 'grundskola' && p.arskurs >= 6),
      );
      const mine = meetings.filter((m) => m.pupilId === p.id);
      const samtal = duties.find((d: any) => d.kind === 'samtal-term' || d.kind === 'samtal-läsår');
      if (mine.some((m) => m.status === 'held')) expect(samtal.state).toBe('done');
      else if (mine.some((m) => m.status === 'planned')) expect(samtal.state).toBe('scheduled');
      // Förskoleklass families invited by letter: the school's duty (to invite) is met.
      else if (
        p.skolform === 'forskoleklass' &&
        (await get(`/v1/samtal/invitations?pupilId=${p.id}`)).invitations.length > 0
      )
        expect(samtal.state).toBe('done');
      else expect(['open', 'due-soon']).toContain(samtal.state);
    }
    expect(report.groups.map((g: any) => g.name)).toEqual(['1A', '2A', '3A', '4A', '5A', '6A', 'FA']);
    client.close();
  });
});

describe('polls that changed nothing cost nothing (ETag)', () => {
  const poll = (token: string, path: string, etag?: string) =>
    t.call(token, 'GET', path, undefined, etag ? { 'if-none-match': etag } : {});

  it('answers 304 until something a duty depends on changes — an autosave of text is not such a change', async () => {
    const path = '/v1/deadlines?scope=me&date=2026-12-01';
    const first = await poll(t.a.tokens.teacherA, path);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"\d+-\w+"$/);
    expect((await poll(t.a.tokens.teacherA, path, etag)).status).toBe(304);

    // Text saves (the autosave) leave every duty as it was.
    const doc = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: '2026/27' }))
      .body;
    const afterCreate = await poll(t.a.tokens.teacherA, path, etag);
    expect(afterCreate.status).toBe(200);
    const etag2 = afterCreate.headers.get('etag')!;
    for (let v = 1; v <= 3; v++)
      await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
        version: v,
        sections: { pupilVoice: `Utkast ${v}` },
      });
    expect((await poll(t.a.tokens.teacherA, path, etag2)).status).toBe(304);

    // Each of these can change a duty, and each gives a new report.
    const changes: [string, () => Promise<unknown>][] = [
      ['status', () => t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, { version: 4, status: 'shared' })],
      [
        'samtal booked',
        () =>
          t.call(t.a.tokens.teacherA, 'POST', '/v1/meetings', {
            pupilId: t.a.pupilA,
            startsAt: '2026-12-10T13:00:00Z',
          }),
      ],
      ['pupil moved', () => t.call(t.a.tokens.admin, 'PATCH', `/v1/pupils/${t.a.pupilA}`, { arskurs: 4 })],
      ['school settings', () => t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { settings: { dueSoonDays: 30 } })],
      [
        'mentor added',
        () => t.call(t.a.tokens.admin, 'PATCH', `/v1/pupils/${t.a.pupilB}`, { mentorIds: [t.a.ids.teacherA] }),
      ],
    ];
    let current = etag2;
    for (const [what, change] of changes) {
      await change();
      const res = await poll(t.a.tokens.teacherA, path, current);
      expect([what, res.status]).toEqual([what, 200]);
      current = res.headers.get('etag')!;
    }
    // Another day is another report.
    expect((await poll(t.a.tokens.teacherA, '/v1/deadlines?scope=me&date=2026-12-02', current)).status).toBe(200);
    // Another teacher's copy is never taken for hers.
    expect((await poll(t.a.tokens.leadA, path, current)).status).toBe(200);
  });

  it('school overviews are summaries unless the full list is asked for, a page at a time', async () => {
    const summary = (await t.call(t.a.tokens.admin, 'GET', '/v1/deadlines?scope=school&date=2026-12-01')).body;
    expect(summary.pupils).toEqual([]);
    expect(summary.page).toBeUndefined();
    const page1 = (
      await t.call(t.a.tokens.admin, 'GET', '/v1/deadlines?scope=school&view=full&limit=1&date=2026-12-01')
    ).body;
    const page2 = (
      await t.call(t.a.tokens.admin, 'GET', '/v1/deadlines?scope=school&view=full&limit=1&offset=1&date=2026-12-01')
    ).body;
    expect(page1.page).toEqual({ offset: 0, limit: 1, total: 2 });
    expect([page1.pupils.length, page2.pupils.length]).toEqual([1, 1]);
    expect(page1.pupils[0].id).not.toBe(page2.pupils[0].id);
    expect(page1.summary).toEqual(summary.summary);
  });
});
