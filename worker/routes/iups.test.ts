import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

const sections = (text: string) => ({
  omdomen: [{ subject: 'MA', text, scale: 1 }],
  planning: { school: 'Extra lästräning.', pupil: 'Läser varje dag.', guardians: '' },
});

async function create(token = t.a.tokens.teacherA) {
  const res = await t.call(token, 'POST', '/v1/iups', {
    pupilId: t.a.pupilA,
    schoolYear: '2026/27',
    sections: sections('Start'),
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

describe('IUP documents', () => {
  it('creates at version 1, one per pupil and läsår, and finds it by pupil + läsår', async () => {
    const doc = await create();
    expect(doc).toMatchObject({ version: 1, status: 'draft', schoolYear: '2026/27', authorId: t.a.ids.teacherA });
    const again = await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: '2026/27' });
    expect(again.status).toBe(409);
    expect(again.body.error.details.current.id).toBe(doc.id);
    const found = await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups?pupilId=${t.a.pupilA}&schoolYear=2026/27`);
    expect(found.body.id).toBe(doc.id);
    expect(found.headers.get('etag')).toBe('"1"');
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups?pupilId=${t.a.pupilA}&schoolYear=2025/26`)).status).toBe(
      404,
    );
  });

  it('validates sections: unknown subject, duplicate subject, scale, läsår label, unknown keys', async () => {
    const bad = [
      { pupilId: t.a.pupilA, schoolYear: '2026/28' },
      { pupilId: t.a.pupilA, schoolYear: '2026/27', sections: { omdomen: [{ subject: 'XX', text: '' }] } },
      {
        pupilId: t.a.pupilA,
        schoolYear: '2026/27',
        sections: {
          omdomen: [
            { subject: 'MA', text: '' },
            { subject: 'MA', text: '' },
          ],
        },
      },
      { pupilId: t.a.pupilA, schoolYear: '2026/27', sections: { omdomen: [{ subject: 'MA', text: '', scale: 3 }] } },
      { pupilId: t.a.pupilA, schoolYear: '2026/27', sections: { notes: 'x' } },
      { pupilId: t.a.pupilA, schoolYear: '2026/27', sections: { pupilVoice: 'x'.repeat(10_001) } },
    ];
    for (const body of bad)
      expect(
        (await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', body)).status,
        JSON.stringify(body).slice(0, 80),
      ).toBe(400);
    const ok = await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', {
      pupilId: t.a.pupilA,
      schoolYear: '2026/27',
      sections: { omdomen: [{ subject: 'ML-ara', text: 'Läser.' }] },
    });
    expect(ok.status).toBe(201);
  });

  it('saves with If-Match or body version; a stale save gets 409 with the current text and writes nothing', async () => {
    const doc = await create();
    const first = await t.call(
      t.a.tokens.teacherA,
      'PUT',
      `/v1/iups/${doc.id}`,
      { sections: sections('Skrivare ett') },
      { 'if-match': '"1"' },
    );
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await t.call(t.a.tokens.leadA, 'PUT', `/v1/iups/${doc.id}`, {
      version: 1,
      sections: sections('Skrivare två'),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.details.current.sections.omdomen[0].text).toBe('Skrivare ett');
    const now = await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups/${doc.id}`);
    expect(now.body.version).toBe(2);
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups/${doc.id}/revisions`)).body.revisions).toHaveLength(2);
  });

  it('lets exactly one of two concurrent writers on the same version win; the loser can merge and save', async () => {
    const doc = await create();
    const [x, y] = await Promise.all([
      t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, { version: 1, sections: sections('A') }),
      t.call(t.a.tokens.leadA, 'PUT', `/v1/iups/${doc.id}`, { version: 1, sections: sections('B') }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const loser = x.status === 409 ? x : y;
    const merged = await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: loser.body.error.details.current.version,
      sections: sections('A + B'),
    });
    expect(merged.status).toBe(200);
    const texts = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups/${doc.id}/revisions`)).body.revisions.map(
      (r: any) => r.sections.omdomen[0].text,
    );
    expect(texts).toEqual(['A + B', x.status === 200 ? 'A' : 'B', 'Start']);
  });

  it('requires a version, and refuses disagreeing or malformed ones', async () => {
    const doc = await create();
    expect((await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, { sections: sections('x') })).status).toBe(
      400,
    );
    expect(
      (
        await t.call(
          t.a.tokens.teacherA,
          'PUT',
          `/v1/iups/${doc.id}`,
          { version: 1, sections: sections('x') },
          { 'if-match': '"2"' },
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await t.call(
          t.a.tokens.teacherA,
          'PUT',
          `/v1/iups/${doc.id}`,
          { sections: sections('x') },
          { 'if-match': 'abc' },
        )
      ).status,
    ).toBe(400);
    expect((await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, { version: 1 })).status).toBe(400);
  });

  it('records status changes with who and when', async () => {
    const doc = await create();
    t.setNow('2026-11-10T12:00:00Z');
    const res = await t.call(t.a.tokens.leadA, 'PUT', `/v1/iups/${doc.id}`, { version: 1, status: 'shared' });
    expect(res.body).toMatchObject({
      status: 'shared',
      statusChangedBy: t.a.ids.leadA,
      statusChangedAt: '2026-11-10T12:00:00.000Z',
    });
    expect(res.body.sections.omdomen[0].text).toBe('Start');
  });

  it('restores an old revision as a new version, keeping history', async () => {
    const doc = await create();
    await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, { version: 1, sections: sections('Andra') });
    const restored = await t.call(t.a.tokens.teacherA, 'POST', `/v1/iups/${doc.id}/revisions/1/restore`, {
      version: 2,
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ version: 3 });
    expect(restored.body.sections.omdomen[0].text).toBe('Start');
    const revs = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups/${doc.id}/revisions`)).body.revisions;
    expect(revs.map((r: any) => [r.version, r.restoredFromVersion])).toEqual([
      [3, 1],
      [2, null],
      [1, null],
    ]);
    expect(
      (await t.call(t.a.tokens.teacherA, 'POST', `/v1/iups/${doc.id}/revisions/1/restore`, { version: 2 })).status,
    ).toBe(409);
    expect(
      (await t.call(t.a.tokens.teacherA, 'POST', `/v1/iups/${doc.id}/revisions/9/restore`, { version: 3 })).status,
    ).toBe(404);
  });

  it('hides IUPs across teams and schools (404), also for writes', async () => {
    const doc = await create();
    for (const token of [t.a.tokens.teacherB, t.b.tokens.admin, t.b.tokens.teacherA]) {
      expect((await t.call(token, 'GET', `/v1/iups/${doc.id}`)).status).toBe(404);
      expect((await t.call(token, 'PUT', `/v1/iups/${doc.id}`, { version: 1, sections: sections('x') })).status).toBe(
        404,
      );
      expect((await t.call(token, 'GET', `/v1/iups/${doc.id}/revisions`)).status).toBe(404);
      expect((await t.call(token, 'POST', `/v1/iups/${doc.id}/revisions/1/restore`, { version: 1 })).status).toBe(404);
    }
    expect(
      (await t.call(t.b.tokens.admin, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: '2026/27' })).status,
    ).toBe(404);
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups/${doc.id}`)).body.version).toBe(1);
  });

  it('audits every change without storing the text', async () => {
    const doc = await create();
    await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: 1,
      sections: sections('Hemligt innehåll'),
    });
    const rows = (await t.client.execute('select * from audit_log where entity_id = ? order by id', [doc.id])).rows;
    expect(rows.map((r) => [r.action, r.actor_id])).toEqual([
      ['create', t.a.ids.teacherA],
      ['update', t.a.ids.teacherA],
    ]);
    expect(JSON.stringify(rows)).not.toContain('Hemligt');
  });
});
