import { beforeEach, describe, expect, it } from 'vitest';
import { SHARE_COMMENT_MAX, SHARE_WRITES_PER_HOUR } from '../../shared/schemas/share';
import { READ_ALOUD_SCRIPT } from '../share/read-aloud';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

const YEAR = '2026/27';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (path: string, fields: Record<string, string>) =>
  t.call(null, 'POST', path, form(fields), { 'content-type': 'application/x-www-form-urlencoded' });

async function iupWithText() {
  const doc = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: YEAR })).body;
  await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
    version: 1,
    sections: {
      omdomen: [{ subject: 'SV', text: 'Saga läser <b>med flyt</b> och för utvecklade resonemang.' }],
      planning: { school: 'Lästräning.', pupil: '', guardians: '' },
    },
  });
  return doc.id as string;
}

async function link(token = t.a.tokens.teacherA, pupilId = t.a.pupilA, body: object = { schoolYear: YEAR }) {
  return t.call(token, 'POST', `/v1/pupils/${pupilId}/share-links`, body);
}

describe('share links', () => {
  it('shows one pupil’s IUP as text, takes the pupil’s and the guardians’ comments, and the teacher reads them', async () => {
    await iupWithText();
    const created = await link();
    expect(created.status).toBe(201);
    expect(created.body.link).toMatchObject({ state: 'active', expiresAt: '2026-12-02T09:00:00.000Z' });
    const page = await t.call(null, 'GET', created.body.path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.body).toContain('Saga Ek, årskurs 3, läsår 2026/27');
    // Teacher text is text: the tag is escaped, not markup.
    expect(page.body).toContain('Saga läser &lt;b&gt;med flyt&lt;/b&gt;');
    // No script but the read-aloud helper for the youngest's questions, exactly as hashed.
    expect(page.body.replace(`<script>${READ_ALOUD_SCRIPT}</script>`, '')).not.toContain('<script');
    // Nothing about other pupils or the school's staff.
    expect(page.body).not.toMatch(/Nils|Skyddad|Teacher A|Lead A/);

    const saved = await post(created.body.path, {
      section: 'guardians',
      text: 'Hur går läsningen hemma?\r\nVi vill veta mer.',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${created.body.path}?saved=guardians#comment-guardians`);
    await post(created.body.path, { section: 'pupil', text: 'Jag vill prata om rasterna.' });
    const comments = await t.call(
      t.a.tokens.teacherA,
      'GET',
      `/v1/pupils/${t.a.pupilA}/share-comments?schoolYear=${encodeURIComponent(YEAR)}`,
    );
    expect(comments.body.comments.map((c: any) => [c.author, c.text]).sort()).toEqual([
      ['guardians', 'Hur går läsningen hemma?\nVi vill veta mer.'],
      ['pupil', 'Jag vill prata om rasterna.'],
    ]);
    // Another team's teacher cannot read them.
    expect(
      (
        await t.call(
          t.a.tokens.teacherB,
          'GET',
          `/v1/pupils/${t.a.pupilA}/share-comments?schoolYear=${encodeURIComponent(YEAR)}`,
        )
      ).status,
    ).toBe(404);
    // Every view and write is in the audit log, without content.
    const audit = await t.client.execute({
      sql: "select action, actor_id from audit_log where entity in ('share-link', 'share-comment') order by id",
      args: [],
    });
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'view', 'update', 'update']);
    expect(audit.rows.slice(1).every((r) => r.actor_id === null)).toBe(true);
  });

  it('stops working when it expires or is revoked, and says so without showing the pupil', async () => {
    await iupWithText();
    const short = await link(undefined, undefined, { schoolYear: YEAR, days: 1 });
    t.setNow('2026-11-03T09:00:01Z');
    const expired = await t.call(null, 'GET', short.body.path);
    expect(expired.status).toBe(410);
    expect(expired.body).toContain('Länken har gått ut');
    expect(expired.body).not.toContain('Saga');
    expect((await post(short.body.path, { section: 'pupil', text: 'Hej' })).status).toBe(410);

    const other = await link();
    expect((await t.call(t.a.tokens.teacherB, 'DELETE', `/v1/share-links/${other.body.link.id}`)).status).toBe(404);
    const revoked = await t.call(t.a.tokens.teacherA, 'DELETE', `/v1/share-links/${other.body.link.id}`);
    expect(revoked.body.link.state).toBe('revoked');
    const closed = await t.call(null, 'GET', `${other.body.path}?lang=en`);
    expect(closed.status).toBe(410);
    expect(closed.body).toContain('This link has been closed');
    expect((await t.call(null, 'GET', '/share/not-a-real-token-at-all-123456')).status).toBe(404);
    const list = await t.call(t.a.tokens.teacherA, 'GET', `/v1/pupils/${t.a.pupilA}/share-links`);
    expect(list.body.links.map((l: any) => l.state).sort()).toEqual(['expired', 'revoked']);
  });

  it('opens only its own pupil: no link for a pupil the teacher cannot see, and nothing else is reachable from one', async () => {
    expect((await link(t.a.tokens.teacherA, t.a.pupilB)).status).toBe(404);
    expect((await link(t.b.tokens.admin, t.a.pupilA)).status).toBe(404);
    const own = await link();
    // Query parameters do not change which pupil the page shows.
    const page = await t.call(null, 'GET', `${own.body.path}?pupilId=${t.a.pupilB}`);
    expect(page.body).toContain('Saga Ek');
    expect(page.body).not.toContain('Nils');
    // The token is no API credential.
    const token = own.body.path.split('/').pop();
    expect((await t.call(token, 'GET', '/v1/pupils')).status).toBe(401);
  });

  it('takes only the two comment sections, within the size and rate limits, and keeps the text on a refusal', async () => {
    const id = await iupWithText();
    const { body } = await link();
    const before = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups/${id}`)).body;
    for (const fields of <Record<string, string>[]>[
      { section: 'omdomen', text: 'Ändrat' },
      { section: 'pupil', text: 'Hej', status: 'agreed' },
      { section: 'pupil', text: 'Hej', pupilId: t.a.pupilB },
      { text: 'Hej' },
    ]) {
      const res = await post(body.path, fields);
      expect(res.status).toBe(400);
      expect(res.body).toContain('Det går bara att skriva i rutorna');
    }
    const json = await t.call(null, 'POST', body.path, { sections: { omdomen: [] } });
    expect(json.status).toBe(400);
    expect((await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups/${id}`)).body).toEqual(before);

    const long = 'å'.repeat(SHARE_COMMENT_MAX + 1);
    const oversize = await post(body.path, { section: 'pupil', text: long });
    expect(oversize.status).toBe(413);
    expect(oversize.body).toContain('Texten är för lång');
    expect(oversize.body).toContain(long);
    const huge = await post(body.path, { section: 'pupil', text: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);

    for (let i = 0; i < SHARE_WRITES_PER_HOUR; i++)
      expect((await post(body.path, { section: 'pupil', text: `Version ${i}` })).status).toBe(303);
    const limited = await post(body.path, { section: 'pupil', text: 'En till' });
    expect(limited.status).toBe(429);
    expect(limited.body).toContain('En till');
    t.setNow('2026-11-02T10:00:01Z');
    expect((await post(body.path, { section: 'pupil', text: 'Efter en timme' })).status).toBe(303);
    const comments = (
      await t.call(
        t.a.tokens.teacherA,
        'GET',
        `/v1/pupils/${t.a.pupilA}/share-comments?schoolYear=${encodeURIComponent(YEAR)}`,
      )
    ).body.comments;
    expect(comments).toEqual([{ author: 'pupil', text: 'Efter en timme', updatedAt: '2026-11-02T10:00:01.000Z' }]);
  });

  it('is erased with the pupil', async () => {
    const { body } = await link();
    await post(body.path, { section: 'pupil', text: 'Hej' });
    expect((await t.call(t.a.tokens.admin, 'DELETE', `/v1/pupils/${t.a.pupilA}`)).status).toBe(200);
    expect((await t.call(null, 'GET', body.path)).status).toBe(404);
    const left = await t.client.execute({
      sql: 'select (select count(*) from share_links) + (select count(*) from share_comments) as n',
      args: [],
    });
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});
