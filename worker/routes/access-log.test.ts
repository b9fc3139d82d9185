import { describe, expect, it } from 'vitest';
import { createTestApi } from '../testing/fixture';

const YEAR = '2026/27';

describe('following up access to a pupil’s data (loggkontroll)', () => {
  it('logs who read which pupil’s IUP, history and family comments — never the content — and lets an admin list it per pupil and per staff member', async () => {
    const t = await createTestApi();
    const doc = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: YEAR })).body;
    await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: 1,
      sections: { pupilVoice: 'Hemlig text om eleven.' },
    });
    await t.call(t.a.tokens.leadA, 'GET', `/v1/iups/${doc.id}`);
    await t.call(t.a.tokens.leadA, 'GET', `/v1/iups/${doc.id}`);
    await t.call(t.a.tokens.leadA, 'GET', `/v1/iups?pupilId=${t.a.pupilA}&schoolYear=${encodeURIComponent(YEAR)}`);
    await t.call(t.a.tokens.leadA, 'GET', `/v1/iups/${doc.id}/revisions`);
    await t.call(
      t.a.tokens.leadA,
      'GET',
      `/v1/pupils/${t.a.pupilA}/share-comments?schoolYear=${encodeURIComponent(YEAR)}`,
    );
    // A refused read is not an access.
    expect((await t.call(t.a.tokens.teacherB, 'GET', `/v1/iups/${doc.id}`)).status).toBe(404);

    const perPupil = await t.call(t.a.tokens.admin, 'GET', `/v1/access-log?pupilId=${t.a.pupilA}`);
    expect(perPupil.status).toBe(200);
    const lead = perPupil.body.entries.filter((e: { staffId: string }) => e.staffId === t.a.ids.leadA);
    // Reading the same IUP again within minutes is one entry; each kind of record is one.
    expect(lead.map((e: { action: string; record: string }) => `${e.action} ${e.record}`).sort()).toEqual([
      'read iup',
      'read iup-revisions',
      'read share-comments',
    ]);
    expect(lead[0]).toMatchObject({ staffName: 'Lead A', pupilId: t.a.pupilA, pupilName: 'Saga Ek' });
    const writer = perPupil.body.entries
      .filter((e: { staffId: string }) => e.staffId === t.a.ids.teacherA)
      .map((e: { action: string }) => e.action);
    expect(writer).toEqual(expect.arrayContaining(['create', 'update']));
    expect(perPupil.body.entries.some((e: { staffId: string }) => e.staffId === t.a.ids.teacherB)).toBe(false);
    expect(JSON.stringify(perPupil.body)).not.toContain('Hemlig');

    const perStaff = await t.call(t.a.tokens.admin, 'GET', `/v1/access-log?staffId=${t.a.ids.leadA}`);
    expect(perStaff.body.entries.every((e: { staffId: string }) => e.staffId === t.a.ids.leadA)).toBe(true);
    expect(perStaff.body.entries).toHaveLength(3);

    const csv = await t.call(t.a.tokens.admin, 'GET', `/v1/access-log?pupilId=${t.a.pupilA}&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('tid;personal;personal_id;handling;post;post_id;elev;elev_id');
    expect(lines.some((l) => l.includes(';Lead A;') && l.includes(';read;iup;'))).toBe(true);
  });

  it('is for admins of the school only; another school’s pupil or staff does not exist; an erased pupil can still be followed up', async () => {
    const t = await createTestApi();
    expect((await t.call(t.a.tokens.leadA, 'GET', `/v1/access-log?pupilId=${t.a.pupilA}`)).status).toBe(403);
    expect((await t.call(t.b.tokens.admin, 'GET', `/v1/access-log?pupilId=${t.a.pupilA}`)).status).toBe(404);
    expect((await t.call(t.b.tokens.admin, 'GET', `/v1/access-log?staffId=${t.a.ids.leadA}`)).status).toBe(404);
    expect((await t.call(t.a.tokens.admin, 'GET', '/v1/access-log')).status).toBe(400);
    await t.call(
      t.a.tokens.teacherA,
      'GET',
      `/v1/pupils/${t.a.pupilA}/share-comments?schoolYear=${encodeURIComponent(YEAR)}`,
    );
    expect((await t.call(t.a.tokens.admin, 'DELETE', `/v1/pupils/${t.a.pupilA}`)).status).toBe(200);
    const after = await t.call(t.a.tokens.admin, 'GET', `/v1/access-log?pupilId=${t.a.pupilA}`);
    expect(after.status).toBe(200);
    expect(after.body.entries.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['read', 'erase']),
    );
    expect(after.body.entries.every((e: { pupilName: string | null }) => e.pupilName === null)).toBe(true);
  });
});
