import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

describe('meetings (utvecklingssamtal)', () => {
  it('books, documents agreements, lists and deletes', async () => {
    const tok = t.a.tokens.teacherA;
    const created = await t.call(tok, 'POST', '/v1/meetings', {
      pupilId: t.a.pupilA,
      startsAt: '2026-11-20T14:00:00+01:00',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'planned',
      durationMinutes: 30,
      agreements: [],
      startsAt: '2026-11-20T13:00:00.000Z',
      createdBy: t.a.ids.teacherA,
    });
    const held = await t.call(tok, 'PATCH', `/v1/meetings/${created.body.id}`, {
      status: 'held',
      agreements: [
        { party: 'pupil', text: 'Läser varje dag.' },
        { party: 'guardians', text: 'Läser med hemma.' },
      ],
    });
    expect(held.status).toBe(200);
    expect(held.body.agreements).toHaveLength(2);
    const list = await t.call(
      tok,
      'GET',
      `/v1/meetings?pupilId=${t.a.pupilA}&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z`,
    );
    expect(list.body.meetings.map((m: any) => m.id)).toEqual([created.body.id]);
    expect((await t.call(tok, 'GET', '/v1/meetings?from=2026-12-01T00:00:00Z')).body.meetings).toEqual([]);
    expect((await t.call(tok, 'DELETE', `/v1/meetings/${created.body.id}`)).status).toBe(200);
    expect((await t.call(tok, 'GET', `/v1/meetings/${created.body.id}`)).status).toBe(404);
  });

  it('validates times, status and agreement parties', async () => {
    const tok = t.a.tokens.teacherA;
    for (const body of [
      { pupilId: t.a.pupilA, startsAt: '2026-11-20' },
      { pupilId: t.a.pupilA, startsAt: '2026-11-20T14:00:00+01:00', status: 'done' },
      { pupilId: t.a.pupilA, startsAt: '2026-11-20T14:00:00+01:00', agreements: [{ party: 'rektor', text: 'x' }] },
      { pupilId: t.a.pupilA, startsAt: '2026-11-20T14:00:00+01:00', agreements: [{ party: 'pupil', text: '' }] },
      { startsAt: '2026-11-20T14:00:00+01:00' },
    ])
      expect((await t.call(tok, 'POST', '/v1/meetings', body)).status, JSON.stringify(body)).toBe(400);
  });

  it('keeps meetings inside the school and the teams (404)', async () => {
    const m = await t.call(t.a.tokens.teacherA, 'POST', '/v1/meetings', {
      pupilId: t.a.pupilA,
      startsAt: '2026-11-20T14:00:00Z',
    });
    expect(
      (
        await t.call(t.a.tokens.teacherA, 'POST', '/v1/meetings', {
          pupilId: t.a.pupilB,
          startsAt: '2026-11-20T14:00:00Z',
        })
      ).status,
    ).toBe(404);
    for (const token of [t.a.tokens.teacherB, t.b.tokens.admin]) {
      expect((await t.call(token, 'GET', `/v1/meetings/${m.body.id}`)).status).toBe(404);
      expect((await t.call(token, 'PATCH', `/v1/meetings/${m.body.id}`, { status: 'cancelled' })).status).toBe(404);
      expect((await t.call(token, 'DELETE', `/v1/meetings/${m.body.id}`)).status).toBe(404);
      expect((await t.call(token, 'GET', '/v1/meetings')).body.meetings).toEqual([]);
    }
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/meetings/${m.body.id}`)).body.status).toBe('planned');
  });
});
