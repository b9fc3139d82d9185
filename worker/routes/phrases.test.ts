import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

const phrase = (teamId: string, over: object = {}) => ({
  text: '{namn} läser med flyt.',
  teamId,
  subject: 'SV',
  level: 'C',
  tags: ['läsning'],
  ...over,
});

describe('phrases', () => {
  it('a teacher proposes; the team lead approves; then the whole team sees it', async () => {
    const proposed = await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', phrase(t.a.teamA));
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', scope: 'team', usageCount: 0, deleted: false });
    // Another member of the team does not see someone else's proposal; the lead does.
    const member2 = await t.call(
      t.a.tokens.admin,
      'POST',
      '/v1/phrases',
      phrase(t.a.teamA, { text: 'Godkänd direkt.' }),
    );
    expect(member2.body.status).toBe('approved');
    expect((await t.call(t.a.tokens.leadA, 'GET', '/v1/phrases?status=proposed')).body.phrases).toHaveLength(1);
    expect(
      (await t.call(t.a.tokens.teacherA, 'PATCH', `/v1/phrases/${proposed.body.id}`, { status: 'approved' })).status,
    ).toBe(403);
    const approved = await t.call(t.a.tokens.leadA, 'PATCH', `/v1/phrases/${proposed.body.id}`, { status: 'approved' });
    expect(approved.body.status).toBe('approved');
    expect((await t.call(t.a.tokens.teacherB, 'GET', '/v1/phrases')).body.phrases).toEqual([]);
    expect((await t.call(t.b.tokens.admin, 'GET', `/v1/phrases/${proposed.body.id}`)).status).toBe(404);
  });

  it('refuses teams the teacher is not in (404) and self-approval (403)', async () => {
    expect((await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', phrase(t.a.teamB))).status).toBe(404);
    expect((await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', phrase(t.b.teamA))).status).toBe(404);
    expect(
      (await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', phrase(t.a.teamA, { status: 'approved' }))).status,
    ).toBe(403);
    expect((await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', { text: 'x', scope: 'team' })).status).toBe(400);
    expect(
      (await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', phrase(t.a.teamA, { aspect: 'mood' }))).status,
    ).toBe(400);
  });

  it('filters by tags and syncs with a since cursor that includes deletions', async () => {
    const lead = t.a.tokens.leadA;
    const p1 = (await t.call(lead, 'POST', '/v1/phrases', phrase(t.a.teamA))).body;
    const p2 = (
      await t.call(
        lead,
        'POST',
        '/v1/phrases',
        phrase(t.a.teamA, { text: 'Räknar säkert.', subject: 'MA', aspect: 'knowledge', level: 'A' }),
      )
    ).body;
    expect((await t.call(lead, 'GET', '/v1/phrases?subject=MA')).body.phrases.map((p: any) => p.id)).toEqual([p2.id]);
    expect((await t.call(lead, 'GET', '/v1/phrases?level=C')).body.phrases.map((p: any) => p.id)).toEqual([p1.id]);

    const first = (await t.call(t.a.tokens.teacherA, 'GET', '/v1/phrases?limit=1')).body;
    expect(first.phrases).toHaveLength(1);
    const second = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/phrases?since=${first.nextSince}`)).body;
    expect(second.phrases.map((p: any) => p.id)).toEqual([p2.id]);
    await t.call(lead, 'DELETE', `/v1/phrases/${p1.id}`);
    await t.call(lead, 'PATCH', `/v1/phrases/${p2.id}`, { status: 'retired' });
    const changes = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/phrases?since=${second.nextSince}`)).body;
    expect(changes.phrases.map((p: any) => [p.id, p.deleted, p.status])).toEqual([
      [p1.id, true, 'approved'],
      [p2.id, false, 'retired'],
    ]);
    const none = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/phrases?since=${changes.nextSince}`)).body;
    expect(none).toEqual({ phrases: [], nextSince: changes.nextSince });
    expect((await t.call(t.a.tokens.teacherA, 'GET', '/v1/phrases?since=abc')).status).toBe(400);
  });

  it('counts usage in batches, ignoring phrases the teacher cannot see', async () => {
    const p = (await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases', phrase(t.a.teamA))).body;
    const foreign = (await t.call(t.b.tokens.admin, 'POST', '/v1/phrases', phrase(t.b.teamA))).body;
    const res = await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases/usage', {
      uses: [
        { id: p.id, count: 3 },
        { id: foreign.id, count: 5 },
      ],
    });
    expect(res.body).toEqual({ applied: 1 });
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/phrases/${p.id}`)).body.usageCount).toBe(3);
    expect((await t.call(t.b.tokens.admin, 'GET', `/v1/phrases/${foreign.id}`)).body.usageCount).toBe(0);
  });

  it('stores HTML verbatim: phrases are text, never markup', async () => {
    const text = '<img src=x onerror=alert(1)> {namn}';
    const p = await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases', phrase(t.a.teamA, { text }));
    expect(p.body.text).toBe(text);
  });
});
