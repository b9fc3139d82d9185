import { beforeEach, describe, expect, it } from 'vitest';
import { STARTER_BANK } from '../../shared/phrases/starter-bank';
import { phrasesToCsv } from '../../shared/phrases/transfer';
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
const count = async (sql: string) => Number((await t.client.execute(sql)).rows[0]![0]);

describe('phrase versions', () => {
  it('keeps every edit as a version with who and when, also approval and retirement', async () => {
    const p = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', phrase(t.a.teamA))).body;
    expect(p.version).toBe(1);
    await t.call(t.a.tokens.teacherA, 'PATCH', `/v1/phrases/${p.id}`, { text: '{namn} läser med god flyt.' });
    await t.call(t.a.tokens.leadA, 'PATCH', `/v1/phrases/${p.id}`, { status: 'approved' });
    await t.call(t.a.tokens.leadA, 'PATCH', `/v1/phrases/${p.id}`, { status: 'retired' });
    const res = await t.call(t.a.tokens.leadA, 'GET', `/v1/phrases/${p.id}/versions`);
    expect(res.status).toBe(200);
    expect(res.body.versions.map((v: any) => [v.version, v.status, v.text, v.editorId])).toEqual([
      [4, 'retired', '{namn} läser med god flyt.', t.a.ids.leadA],
      [3, 'approved', '{namn} läser med god flyt.', t.a.ids.leadA],
      [2, 'proposed', '{namn} läser med god flyt.', t.a.ids.teacherA],
      [1, 'proposed', '{namn} läser med flyt.', t.a.ids.teacherA],
    ]);
    expect(res.body.versions[0].editorName).toBeTruthy();
    // A retired phrase stays for history and is visible to the team, but a teacher can no longer edit it.
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/phrases/${p.id}`)).body.status).toBe('retired');
    expect((await t.call(t.a.tokens.teacherA, 'PATCH', `/v1/phrases/${p.id}`, { text: 'x' })).status).toBe(403);
    expect((await t.call(t.b.tokens.admin, 'GET', `/v1/phrases/${p.id}/versions`)).status).toBe(404);
  });
});

describe('near-duplicates', () => {
  it('points a proposal at an existing phrase that says nearly the same', async () => {
    const existing = (
      await t.call(
        t.a.tokens.leadA,
        'POST',
        '/v1/phrases',
        phrase(t.a.teamA, { text: '{namn} läser enkla texter med flyt och förstår det {hen} läser.' }),
      )
    ).body;
    const res = await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases/similar', {
      text: '{Namn} läser enkla texter med flyt, och förstår det hen läser',
    });
    expect(res.status).toBe(200);
    expect(res.body.similar.map((s: any) => s.phrase.id)).toEqual([existing.id]);
    expect(res.body.similar[0].similarity).toBeGreaterThan(0.8);
    expect(
      (await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases/similar', { text: 'Räknar med bråk.' })).body.similar,
    ).toEqual([]);
    // Other schools' phrases are never suggested.
    expect(
      (await t.call(t.b.tokens.admin, 'POST', '/v1/phrases/similar', { text: existing.text })).body.similar,
    ).toEqual([]);
    expect((await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases/similar', { text: '' })).status).toBe(400);
  });
});

describe('usage statistics', () => {
  it('reports count and last use per phrase and per team', async () => {
    t.setNow('2026-11-20T10:00:00.000Z');
    const used = (await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases', phrase(t.a.teamA))).body;
    const unused = (
      await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases', phrase(t.a.teamA, { text: 'Räknar med bråk.' }))
    ).body;
    await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases', phrase(t.a.teamA, { text: 'Ett förslag.' }));
    await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases/usage', { uses: [{ id: used.id, count: 4 }] });
    const stats = (await t.call(t.a.tokens.leadA, 'GET', `/v1/phrases/stats?teamId=${t.a.teamA}`)).body;
    // Least used first: what a lead looks at when pruning.
    expect(stats.phrases.map((p: any) => p.usageCount)).toEqual([0, 0, 4]);
    expect(stats.phrases.at(-1).id).toBe(used.id);
    expect(stats.phrases.map((p: any) => p.id)).toContain(unused.id);
    expect(stats.phrases.find((p: any) => p.id === used.id).lastUsedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(stats.teams).toEqual([
      {
        teamId: t.a.teamA,
        name: expect.any(String),
        approved: 2,
        proposed: 1,
        retired: 0,
        uses: 4,
        unusedApproved: 1,
        lastUsedAt: '2026-11-20T10:00:00.000Z',
      },
    ]);
  });
});

describe('import and export', () => {
  it('imports the starter bank once: a second import changes nothing', async () => {
    const first = await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases/starter-bank', { teamId: t.a.teamA });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: STARTER_BANK.length, updated: 0, unchanged: 0, skipped: [] });
    const again = await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases/starter-bank', { teamId: t.a.teamA });
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: STARTER_BANK.length });
    // Approved at once, so every member's palette gets them.
    expect((await t.call(t.a.tokens.teacherA, 'GET', '/v1/phrases?limit=1000')).body.phrases).toHaveLength(
      STARTER_BANK.length,
    );
  });

  it('round-trips: export as CSV and as JSON, import into the same team, nothing changes', async () => {
    await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases/starter-bank', { teamId: t.a.teamA });
    const before = await count('select count(*) from phrase_versions');
    for (const format of ['csv', 'json'] as const) {
      const file = await t.call(t.a.tokens.leadA, 'GET', `/v1/phrases/export?format=${format}&teamId=${t.a.teamA}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toContain(`fraser.${format}`);
      const content = typeof file.body === 'string' ? file.body : JSON.stringify(file.body);
      const report = await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases/import', {
        format,
        content,
        teamId: t.a.teamA,
      });
      expect(report.body).toEqual({
        dryRun: false,
        created: 0,
        updated: 0,
        unchanged: STARTER_BANK.length,
        skipped: [],
      });
    }
    expect(await count('select count(*) from phrase_versions')).toBe(before);
  });

  it('previews with dryRun, updates changed rows as new versions and skips duplicates in the file', async () => {
    await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases', phrase(t.a.teamA));
    const rows = [
      { text: '{namn} läser med flyt.', subject: 'SV', aspect: 'knowledge', level: 'A', tags: ['läsning'] },
      { text: 'Ny fras om bråk.', subject: 'MA', aspect: 'knowledge', level: null, tags: [] },
      { text: 'ny fras om BRÅK', subject: 'MA', aspect: 'knowledge', level: null, tags: [] },
    ] as const;
    const content = phrasesToCsv(rows.map((r) => ({ ...r, tags: [...r.tags] })));
    const dry = await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases/import', {
      format: 'csv',
      content,
      teamId: t.a.teamA,
      dryRun: true,
    });
    expect(dry.body).toEqual({
      dryRun: true,
      created: 1,
      updated: 1,
      unchanged: 0,
      skipped: [{ row: 3, reason: expect.stringContaining('earlier') }],
    });
    expect(await count('select count(*) from phrases')).toBe(1);
    const real = await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases/import', {
      format: 'csv',
      content,
      teamId: t.a.teamA,
    });
    expect(real.body).toMatchObject({ dryRun: false, created: 1, updated: 1 });
    const list = (await t.call(t.a.tokens.leadA, 'GET', '/v1/phrases')).body.phrases;
    expect(list.find((p: any) => p.text === '{namn} läser med flyt.')).toMatchObject({ level: 'A', version: 2 });
  });

  it('rejects a file with bad rows as a whole, listing each row, and writes nothing', async () => {
    const content = 'text;subject;aspect;level;tags\r\nBra rad;SV;knowledge;;\r\n;MA;;;\r\nRitar;XX;;;\r\n';
    const res = await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases/import', {
      format: 'csv',
      content,
      teamId: t.a.teamA,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.rows.map((r: any) => [r.row, r.field])).toEqual([
      [2, 'text'],
      [3, 'subject'],
    ]);
    expect(await count('select count(*) from phrases')).toBe(0);
  });

  it('lets only a lead of the team or an admin import, and never into another school', async () => {
    const body = { format: 'json', content: JSON.stringify([{ text: 'En fras.' }]), teamId: t.a.teamA };
    expect((await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases/import', body)).status).toBe(403);
    expect((await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases/import', { ...body, teamId: t.a.teamB })).status).toBe(
      404,
    );
    expect((await t.call(t.b.tokens.admin, 'POST', '/v1/phrases/import', body)).status).toBe(404);
    expect(
      (await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases/import', { ...body, scope: 'school', teamId: null })).status,
    ).toBe(403);
    expect(
      (await t.call(t.a.tokens.admin, 'POST', '/v1/phrases/import', { ...body, scope: 'school', teamId: null })).body
        .created,
    ).toBe(1);
    expect((await t.call(t.a.tokens.teacherA, 'POST', '/v1/phrases/starter-bank', { teamId: t.a.teamA })).status).toBe(
      403,
    );
  });
});
