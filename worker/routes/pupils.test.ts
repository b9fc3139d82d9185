import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

describe('GET /v1/pupils', () => {
  it('lists only pupils of the teacher’s teams and mentees', async () => {
    const res = await t.call(t.a.tokens.teacherA, 'GET', '/v1/pupils');
    expect(res.status).toBe(200);
    const ids = res.body.pupils.map((p: { id: string }) => p.id).sort();
    expect(ids).toEqual([t.a.pupilA, t.a.pupilMarked].sort());
    expect(res.body.total).toBe(2);
    expect(res.body.pupils.find((p: { id: string }) => p.id === t.a.pupilA)).toMatchObject({
      firstName: 'Saga',
      skolform: 'grundskola',
      arskurs: 3,
      pronoun: 'hon',
      groupIds: [t.a.classA],
      mentorIds: [t.a.ids.teacherA],
    });
  });

  it('gives an admin the whole school, but leaves security-marked pupils out of the list', async () => {
    const res = await t.call(t.a.tokens.admin, 'GET', '/v1/pupils');
    expect(res.body.pupils.map((p: { id: string }) => p.id).sort()).toEqual([t.a.pupilA, t.a.pupilB].sort());
    expect((await t.call(t.a.tokens.admin, 'GET', `/v1/pupils/${t.a.pupilMarked}`)).status).toBe(200);
  });

  it('filters by group, team, årskurs and skolform (never by name: names stay out of URLs)', async () => {
    const admin = t.a.tokens.admin;
    const ids = async (q: string) =>
      (await t.call(admin, 'GET', `/v1/pupils?${q}`)).body.pupils.map((p: { id: string }) => p.id);
    expect(await ids(`groupId=${t.a.classB}`)).toEqual([t.a.pupilB]);
    expect(await ids(`teamId=${t.a.teamA}`)).toEqual([t.a.pupilA]);
    expect(await ids('arskurs=4')).toEqual([t.a.pupilB]);
    expect(await ids('skolform=forskoleklass')).toEqual([]);
    expect((await t.call(admin, 'GET', '/v1/pupils?q=sag')).status).toBe(400);
  });

  it('rejects bad filters with the JSON error shape', async () => {
    const res = await t.call(t.a.tokens.admin, 'GET', '/v1/pupils?arskurs=11&skolform=gymnasium');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['arskurs', 'skolform']);
  });
});

describe('GET /v1/pupils/:id', () => {
  it('answers 404 for a pupil outside the teacher’s teams, of another school, or unknown', async () => {
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/pupils/${t.a.pupilB}`)).status).toBe(404);
    expect((await t.call(t.a.tokens.admin, 'GET', `/v1/pupils/${t.b.pupilA}`)).status).toBe(404);
    expect((await t.call(t.a.tokens.admin, 'GET', `/v1/pupils/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await t.call(t.a.tokens.admin, 'GET', '/v1/pupils/not-a-uuid')).status).toBe(400);
  });
});

describe('POST /v1/pupils', () => {
  const body = (over: object = {}) => ({
    firstName: 'Iris',
    lastName: 'Strand',
    skolform: 'specialskola',
    arskurs: 10,
    ...over,
  });

  it('creates a pupil (admin), with defaults that never drop a duty', async () => {
    const res = await t.call(
      t.a.tokens.admin,
      'POST',
      '/v1/pupils',
      body({ groupIds: [t.a.classA], externalIds: { lms: 'x-1' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      firstName: 'Iris',
      getsGrades: false,
      pronoun: 'none',
      groupIds: [t.a.classA],
      externalIds: { lms: 'x-1' },
    });
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/pupils/${res.body.id}`)).status).toBe(200);
  });

  it('refuses an årskurs outside the skolform, a personnummer field, unknown groups and teachers', async () => {
    const cases = [
      body({ skolform: 'grundskola', arskurs: 10 }),
      body({ skolform: 'forskoleklass', arskurs: 1 }),
      body({ civicNo: '201501012384' }),
      body({ groupIds: [t.b.classA] }),
      body({ mentorIds: [t.b.ids.teacherA] }),
      body({ firstName: '' }),
    ];
    for (const c of cases) {
      const res = await t.call(t.a.tokens.admin, 'POST', '/v1/pupils', c);
      expect(res.status, JSON.stringify(c)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await t.call(t.a.tokens.admin, 'GET', '/v1/pupils')).body.total).toBe(2);
  });

  it('refuses a duplicate LMS id within the school but allows it in another school', async () => {
    expect((await t.call(t.a.tokens.admin, 'POST', '/v1/pupils', body({ externalIds: { lms: 'dup' } }))).status).toBe(
      201,
    );
    expect((await t.call(t.a.tokens.admin, 'POST', '/v1/pupils', body({ externalIds: { lms: 'dup' } }))).status).toBe(
      400,
    );
    expect((await t.call(t.b.tokens.admin, 'POST', '/v1/pupils', body({ externalIds: { lms: 'dup' } }))).status).toBe(
      201,
    );
  });

  it('is for admins only', async () => {
    const res = await t.call(t.a.tokens.teacherA, 'POST', '/v1/pupils', body());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await t.call(t.a.tokens.admin, 'POST', '/v1/pupils', '{"firstName":');
    expect(res.status).toBe(400);
    expect(res.body.error).toBeDefined();
  });
});

describe('PATCH /v1/pupils/:id', () => {
  it('lets a teacher set the pronoun of a visible pupil, and checks the merged årskurs', async () => {
    const ok = await t.call(t.a.tokens.teacherA, 'PATCH', `/v1/pupils/${t.a.pupilA}`, { pronoun: 'hen' });
    expect(ok.status).toBe(200);
    expect(ok.body.pronoun).toBe('hen');
    const bad = await t.call(t.a.tokens.teacherA, 'PATCH', `/v1/pupils/${t.a.pupilA}`, {
      skolform: 'sameskola',
      arskurs: 7,
    });
    expect(bad.status).toBe(400);
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/pupils/${t.a.pupilA}`)).body.skolform).toBe('grundskola');
  });

  it('keeps placement changes for admins, and hides other teams’ pupils', async () => {
    expect(
      (await t.call(t.a.tokens.teacherA, 'PATCH', `/v1/pupils/${t.a.pupilA}`, { groupIds: [t.a.classB] })).status,
    ).toBe(403);
    expect((await t.call(t.a.tokens.teacherA, 'PATCH', `/v1/pupils/${t.a.pupilB}`, { pronoun: 'han' })).status).toBe(
      404,
    );
    const moved = await t.call(t.a.tokens.admin, 'PATCH', `/v1/pupils/${t.a.pupilB}`, { groupIds: [t.a.classA] });
    expect(moved.body.groupIds).toEqual([t.a.classA]);
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/pupils/${t.a.pupilB}`)).status).toBe(200);
  });
});

describe('DELETE /v1/pupils/:id', () => {
  it('erases the pupil with meetings and IUPs, and keeps a content-free audit entry', async () => {
    const admin = t.a.tokens.admin;
    await t.call(admin, 'POST', '/v1/meetings', { pupilId: t.a.pupilA, startsAt: '2026-11-20T10:00:00+01:00' });
    await t.call(admin, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: '2026/27' });
    expect((await t.call(t.a.tokens.teacherA, 'DELETE', `/v1/pupils/${t.a.pupilA}`)).status).toBe(403);
    expect((await t.call(admin, 'DELETE', `/v1/pupils/${t.a.pupilA}`)).status).toBe(200);
    expect((await t.call(admin, 'GET', `/v1/pupils/${t.a.pupilA}`)).status).toBe(404);
    expect((await t.call(admin, 'GET', `/v1/meetings?pupilId=${t.a.pupilA}`)).body.meetings).toEqual([]);
    const rows = await t.client.execute('select action, entity from audit_log where entity_id = ?', [t.a.pupilA]);
    expect(rows.rows.map((r) => r.action)).toContain('erase');
    const leftovers = await t.client.execute(
      'select (select count(*) from iup_documents where pupil_id = ?1) + (select count(*) from meetings where pupil_id = ?1) + (select count(*) from group_members where pupil_id = ?1) as n',
      [t.a.pupilA],
    );
    expect(leftovers.rows[0]!.n).toBe(0);
  });
});
