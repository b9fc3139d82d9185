import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

async function historyInSchoolA() {
  const doc = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: '2025/26' }))
    .body;
  await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
    version: 1,
    sections: {
      omdomen: [{ subject: 'SV', text: 'Saga läser med flyt.' }],
      planning: { school: 'Lästräning två gånger i veckan.', pupil: 'Läser varje dag.', guardians: 'Läser högt.' },
    },
  });
  // Agreed at the samtal: the held samtal first, as the API requires.
  await t.call(t.a.tokens.teacherA, 'POST', '/v1/meetings', {
    pupilId: t.a.pupilA,
    startsAt: '2026-03-10T13:00:00Z',
    status: 'held',
    agreements: [{ party: 'pupil', text: 'Läser 15 minuter varje dag.' }],
  });
  expect(
    (await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, { version: 2, status: 'agreed' })).status,
  ).toBe(200);
}

describe('hand-over between schools', () => {
  it('round-trips: school A exports the pupil, school B imports; B’s teachers see the previous goals and history', async () => {
    await historyInSchoolA();
    const file = await t.call(t.a.tokens.teacherA, 'GET', `/v1/pupils/${t.a.pupilA}/handover`);
    expect(file.status).toBe(200);
    expect(file.body).toMatchObject({
      format: 'iup-stod-handover',
      version: 1,
      fromSchool: { name: 'Skola A' },
      pupil: { firstName: 'Saga', pronoun: 'hon' },
    });
    expect(file.body.iups[0].revisions.map((r: any) => [r.version, r.status])).toEqual([
      [1, 'draft'],
      [2, 'draft'],
      [3, 'agreed'],
    ]);
    // Nothing identifying the sending school's staff or records travels.
    expect(JSON.stringify(file.body)).not.toContain(t.a.ids.teacherA);
    expect(JSON.stringify(file.body)).not.toContain(t.a.pupilA);

    const imported = await t.call(t.b.tokens.admin, 'POST', '/v1/pupils/handover', { file: file.body });
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({
      createdPupil: true,
      iupsImported: ['2025/26'],
      iupsSkipped: [],
      meetingsImported: 1,
    });
    const newId = imported.body.pupilId;
    const iup = (await t.call(t.b.tokens.admin, 'GET', `/v1/iups?pupilId=${newId}&schoolYear=2025/26`)).body;
    expect(iup).toMatchObject({ status: 'agreed', version: 3, sections: { planning: { pupil: 'Läser varje dag.' } } });
    expect(
      (await t.call(t.b.tokens.admin, 'GET', `/v1/iups/${iup.id}/revisions`)).body.revisions.map((r: any) => r.version),
    ).toEqual([3, 2, 1]);
    // A re-export from B gives the same history (round trip).
    const again = (await t.call(t.b.tokens.admin, 'GET', `/v1/pupils/${newId}/handover`)).body;
    expect(again.iups).toEqual(file.body.iups);
    expect(again.meetings).toEqual(file.body.meetings);
    expect(again.pupil).toEqual(file.body.pupil);
  });

  it('never overwrites a läsår the receiving school already has, and refuses a file that is not a hand-over', async () => {
    await historyInSchoolA();
    const file = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/pupils/${t.a.pupilA}/handover`)).body;
    await t.call(t.b.tokens.admin, 'POST', '/v1/iups', { pupilId: t.b.pupilA, schoolYear: '2025/26' });
    const res = await t.call(t.b.tokens.admin, 'POST', '/v1/pupils/handover', { file, pupilId: t.b.pupilA });
    expect(res.body).toMatchObject({ createdPupil: false, iupsImported: [], iupsSkipped: [{ schoolYear: '2025/26' }] });
    const bad = await t.call(t.b.tokens.admin, 'POST', '/v1/pupils/handover', { file: { ...file, version: 2 } });
    expect(bad.status).toBe(400);
    expect(
      (
        await t.call(t.b.tokens.admin, 'POST', '/v1/pupils/handover', {
          file: { ...file, iups: [{ ...file.iups[0], revisions: [...file.iups[0].revisions].reverse() }] },
        })
      ).status,
    ).toBe(400);
  });

  it('keeps tenancy: no export of another school’s pupil, import by admins only', async () => {
    expect((await t.call(t.b.tokens.admin, 'GET', `/v1/pupils/${t.a.pupilA}/handover`)).status).toBe(404);
    expect((await t.call(t.a.tokens.teacherB, 'GET', `/v1/pupils/${t.a.pupilA}/handover`)).status).toBe(404);
    const file = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/pupils/${t.a.pupilA}/handover`)).body;
    expect((await t.call(t.b.tokens.teacherA, 'POST', '/v1/pupils/handover', { file })).status).toBe(403);
    expect((await t.call(t.b.tokens.admin, 'POST', '/v1/pupils/handover', { file, pupilId: t.a.pupilA })).status).toBe(
      404,
    );
  });
});
