import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

const YEAR = '2026/27';
const duty = async (kind: string, meetingId?: string) =>
  (await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines?scope=me&view=full')).body.pupils
    .find((p: { id: string }) => p.id === t.a.pupilA)
    .duties.find(
      (d: { kind: string; meetingId?: string }) => d.kind === kind && (!meetingId || d.meetingId === meetingId),
    );

const newIup = async (sections?: unknown) => {
  const doc = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: YEAR })).body;
  if (!sections) return doc;
  return (await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, { version: doc.version, sections })).body;
};
const COMPLETE = {
  omdomen: [{ subject: 'SV', text: 'Saga läser med flyt. Nästa steg är längre texter.' }],
  planning: { school: 'Lästräning.', pupil: 'Läser hemma.', guardians: 'Frågar om boken.' },
};

describe('agreed means agreed at a held samtal, with the whole IUP', () => {
  it('refuses an empty IUP with every missing part listed, and changes nothing', async () => {
    const doc = await newIup();
    const res = await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: doc.version,
      status: 'agreed',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.missing).toEqual([
      { part: 'any-omdome' },
      { part: 'planning', party: 'school' },
      { part: 'planning', party: 'pupil' },
      { part: 'planning', party: 'guardians' },
      { part: 'held-samtal' },
    ]);
    const after = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups/${doc.id}`)).body;
    expect(after).toMatchObject({ status: 'draft', version: doc.version });
  });

  it('a complete IUP and a held samtal: agreed, tied to that samtal, and the läsår duty is done', async () => {
    const doc = await newIup(COMPLETE);
    const refused = await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: doc.version,
      status: 'agreed',
    });
    expect(refused.body.error.details.missing).toEqual([{ part: 'held-samtal' }]);
    const held = (
      await t.call(t.a.tokens.teacherA, 'POST', '/v1/meetings', {
        pupilId: t.a.pupilA,
        startsAt: '2026-10-20T12:00:00Z',
      })
    ).body;
    const marked = await t.call(t.a.tokens.teacherA, 'PATCH', `/v1/meetings/${held.id}`, {
      status: 'held',
      participants: { pupil: true, guardians: 2, interpreterLanguage: 'arabiska', others: 'speciallärare' },
      // Every samtal starts from the previous one: how last time's agreements went.
      followUp: [{ party: 'pupil', text: 'Läsa varje kväll.', outcome: 'partly', note: 'Mest på helgerna.' }],
      agreements: [
        { party: 'school', text: 'Lästräning två gånger i veckan.' },
        { party: 'pupil', text: 'Läser 15 minuter varje dag.' },
      ],
    });
    expect(marked.body).toMatchObject({
      status: 'held',
      heldAt: '2026-11-02T09:00:00.000Z',
      heldBy: t.a.ids.teacherA,
      participants: { pupil: true, guardians: 2, interpreterLanguage: 'arabiska' },
      followUp: [{ party: 'pupil', text: 'Läsa varje kväll.', outcome: 'partly', note: 'Mest på helgerna.' }],
    });
    // An outcome that is not done / partly / not is refused.
    const bad = await t.call(t.a.tokens.teacherA, 'PATCH', `/v1/meetings/${held.id}`, {
      followUp: [{ party: 'pupil', text: 'x', outcome: 'maybe', note: '' }],
    });
    expect(bad.status).toBe(400);
    const agreed = await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: doc.version,
      status: 'agreed',
    });
    expect(agreed.status).toBe(200);
    expect(agreed.body.agreedMeetingId).toBe(held.id);
    expect(await duty('iup-läsår')).toMatchObject({ state: 'done', reason: 'deadlineIupAgreed' });
    // Agreements on the samtal record meet the documentation duty.
    expect(await duty('agreements-documented', held.id)).toMatchObject({ state: 'done' });
    // The IUP shows the agreements of the samtal it was agreed at: one source, not a second copy.
    const path = (
      await t.call(t.a.tokens.teacherA, 'POST', `/v1/pupils/${t.a.pupilA}/share-links`, { schoolYear: YEAR })
    ).body.path as string;
    const page = await (await t.app.request(path)).text();
    const iupPart = page.slice(page.indexOf('id="sec-agreements"'), page.indexOf('id="sec-glossary"'));
    expect(iupPart).toContain('Överenskommelser vid samtalet');
    expect(iupPart).toContain('Läser 15 minuter varje dag.');
  });

  it('the school’s required subjects are checked by name', async () => {
    await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { settings: { requiredSubjects: ['SV', 'MA'] } });
    await t.call(t.a.tokens.teacherA, 'POST', '/v1/meetings', {
      pupilId: t.a.pupilA,
      startsAt: '2026-10-20T12:00:00Z',
      status: 'held',
    });
    const doc = await newIup(COMPLETE);
    const res = await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: doc.version,
      status: 'agreed',
    });
    expect(res.body.error.details.missing).toEqual([{ part: 'omdome', subject: 'MA' }]);
  });
});

describe('sharing before the samtal counts when it happened, not only whether', () => {
  it('a family link made in time meets it; status shared records the date', async () => {
    const samtal = (
      await t.call(t.a.tokens.teacherA, 'POST', '/v1/meetings', {
        pupilId: t.a.pupilA,
        startsAt: '2026-11-20T12:00:00Z',
      })
    ).body;
    expect(await duty('share-before-samtal', samtal.id)).toMatchObject({ state: 'due-soon' });
    await t.call(t.a.tokens.teacherA, 'POST', `/v1/pupils/${t.a.pupilA}/share-links`, { schoolYear: YEAR });
    expect(await duty('share-before-samtal', samtal.id)).toMatchObject({ state: 'done' });

    const doc = await newIup(COMPLETE);
    const shared = await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: doc.version,
      status: 'shared',
    });
    expect(shared.body.sharedAt).toBe('2026-11-02T09:00:00.000Z');
  });

  it('a graded pupil with a booked samtal is prepared for too', async () => {
    await t.call(t.a.tokens.admin, 'PATCH', `/v1/pupils/${t.a.pupilA}`, { arskurs: 8 });
    const samtal = (
      await t.call(t.a.tokens.teacherA, 'POST', '/v1/meetings', {
        pupilId: t.a.pupilA,
        startsAt: '2026-11-05T12:00:00Z',
      })
    ).body;
    expect(await duty('share-before-samtal', samtal.id)).toMatchObject({ state: 'overdue' });
    await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { settings: { shareBeforeSamtalForGraded: false } });
    expect(await duty('share-before-samtal', samtal.id)).toBeUndefined();
  });
});

describe('the family acknowledges the agreements', () => {
  it('the link shows the held samtal’s agreements; a guardian confirms with a comment only the teacher sees', async () => {
    const held = (
      await t.call(t.a.tokens.teacherA, 'POST', '/v1/meetings', {
        pupilId: t.a.pupilA,
        startsAt: '2026-10-20T12:00:00Z',
        status: 'held',
        agreements: [
          { party: 'school', text: 'Lästräning två gånger i veckan.' },
          { party: 'guardians', text: 'Läser högt hemma på kvällen.' },
        ],
      })
    ).body;
    const path = (
      await t.call(t.a.tokens.teacherA, 'POST', `/v1/pupils/${t.a.pupilA}/share-links`, { schoolYear: YEAR })
    ).body.path as string;
    const page = async () => (await t.app.request(path)).text();
    const before = await page();
    expect(before).toContain('Överenskommelser från utvecklingssamtalet 20 oktober 2026');
    expect(before).toContain('Läser högt hemma på kvällen.');
    expect(before).toContain('inte en underskrift');
    const post = (fields: Record<string, string>) =>
      t.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await post({ action: 'acknowledge' })).status).toBe(400);
    expect((await post({ action: 'acknowledge', who: 'guardian', pupilId: t.a.pupilB })).status).toBe(400);
    const ok = await post({ action: 'acknowledge', who: 'guardian', comment: 'Vi börjar med högläsning på måndag.' });
    expect(ok.status).toBe(303);
    const after = await page();
    expect(after).toContain('En vårdnadshavare har bekräftat 2 november 2026.');
    // The comment is for the teacher: the other household reads the same page.
    expect(after).not.toContain('Vi börjar med högläsning');
    const list = await t.call(t.a.tokens.teacherA, 'GET', `/v1/meetings/${held.id}/acknowledgements`);
    expect(list.body.acknowledgements).toEqual([
      { who: 'guardian', comment: 'Vi börjar med högläsning på måndag.', at: '2026-11-02T09:00:00.000Z' },
    ]);
    const audit = await t.client.execute(
      "select actor_id, link_id from audit_log where entity = 'samtal-acknowledgement'",
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.link_id).toBeTruthy();
    // Erasing the pupil erases the acknowledgement too.
    expect((await t.call(t.a.tokens.admin, 'DELETE', `/v1/pupils/${t.a.pupilA}`)).status).toBe(200);
    const left = await t.client.execute('select count(*) as n from samtal_acknowledgements');
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});

describe('preparation before the samtal', () => {
  it('young pupils get the child-friendly questions with a picture scale; answers reach the teacher', async () => {
    const path = (
      await t.call(t.a.tokens.teacherA, 'POST', `/v1/pupils/${t.a.pupilA}/share-links`, { schoolYear: YEAR })
    ).body.path as string;
    // Saga is in åk 3: short questions with faces.
    const html = await (await t.app.request(path)).text();
    expect(html).toContain('Förbered samtalet');
    expect(html).toContain('Hur roligt är det i skolan?');
    expect(html).toContain('class="face"');
    const post = (fields: Record<string, string>) =>
      t.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    const ok = await post({
      action: 'prepare',
      author: 'pupil',
      'scale:fun': '0',
      'scale:friends': '1',
      'text:best': 'Rasten och bild.',
    });
    expect(ok.status).toBe(303);
    // A question of the other variant, of the other author, or a scale out of range: refused, nothing saved.
    const bads: Record<string, string>[] = [
      { action: 'prepare', author: 'pupil', 'text:going-well': 'x' },
      { action: 'prepare', author: 'guardians', 'scale:fun': '0' },
      { action: 'prepare', author: 'pupil', 'scale:fun': '5' },
      { action: 'prepare', author: 'teacher', 'text:best': 'x' },
    ];
    for (const bad of bads) expect((await post(bad)).status, JSON.stringify(bad)).toBe(400);
    const view = await t.call(
      t.a.tokens.teacherA,
      'GET',
      `/v1/pupils/${t.a.pupilA}/preparation?schoolYear=${encodeURIComponent(YEAR)}`,
    );
    expect(view.body.variant).toBe('childFriendly');
    expect(view.body.answers).toEqual([
      {
        author: 'pupil',
        answers: {
          fun: { scale: 0, text: '' },
          friends: { scale: 1, text: '' },
          best: { scale: null, text: 'Rasten och bild.' },
        },
        updatedAt: '2026-11-02T09:00:00.000Z',
      },
    ]);
    // The saved answers are shown again on the family's page.
    expect(await (await t.app.request(path)).text()).toContain('Rasten och bild.');
  });

  it('older pupils get the standard questions; the school edits them', async () => {
    await t.call(t.a.tokens.admin, 'PATCH', `/v1/pupils/${t.a.pupilA}`, { arskurs: 6 });
    const path = (
      await t.call(t.a.tokens.teacherA, 'POST', `/v1/pupils/${t.a.pupilA}/share-links`, { schoolYear: YEAR })
    ).body.path as string;
    expect(await (await t.app.request(path)).text()).toContain('Vad vill du bli bättre på?');
    const res = await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', {
      settings: {
        preparation: {
          standard: [
            { id: 'goal', audience: 'pupil', kind: 'text', text: { sv: 'Vilket mål vill du nå?', en: 'Which goal?' } },
          ],
          childFriendly: [],
        },
      },
    });
    expect(res.status).toBe(200);
    const html = await (await t.app.request(path)).text();
    expect(html).toContain('Vilket mål vill du nå?');
    expect(html).not.toContain('Vad vill du bli bättre på?');
  });
});
