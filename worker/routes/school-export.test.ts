import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

describe('whole-school export', () => {
  it("gives an admin everything of her school — IUPs with every revision, phrases, audit — and nothing of another school's", async () => {
    const doc = (await t.call(t.a.tokens.teacherA, 'POST', '/v1/iups', { pupilId: t.a.pupilA, schoolYear: '2026/27' }))
      .body;
    await t.call(t.a.tokens.teacherA, 'PUT', `/v1/iups/${doc.id}`, {
      version: 1,
      sections: { social: 'Samarbetar i grupp.' },
    });
    await t.call(t.a.tokens.leadA, 'POST', '/v1/phrases', { text: 'En fras.', teamId: t.a.teamA });
    await t.call(t.b.tokens.admin, 'POST', '/v1/phrases', { text: 'Skola B:s fras.', teamId: t.b.teamA });
    for (const [token, classId] of [
      [t.a.tokens.teacherA, t.a.classA],
      [t.b.tokens.teacherA, t.b.classA],
    ] as const)
      await t.call(token, 'POST', '/v1/samtal/times', {
        groupIds: [classId],
        date: '2026-11-24',
        firstStart: '13:00',
        lengthMinutes: 20,
        count: 2,
        place: 'Rum 1',
      });
    await t.call(t.a.tokens.teacherA, 'POST', '/v1/samtal/invitations', { pupilIds: [t.a.pupilA], method: 'letter' });

    const res = await t.call(t.a.tokens.admin, 'GET', '/v1/school/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="iup-stod-export-/);
    const x = res.body;
    expect(x).toMatchObject({ format: 'iup-stod-school-export', version: 1, school: { id: t.a.schoolId } });
    // The security-marked pupil is in the archive too: an export is complete.
    expect(x.pupils.map((p: any) => p.id).sort()).toEqual([t.a.pupilA, t.a.pupilB, t.a.pupilMarked].sort());
    expect(x.iups).toHaveLength(1);
    expect(x.iupRevisions.map((r: any) => r.version)).toEqual([1, 2]);
    expect(x.phrases.map((p: any) => p.text)).toEqual(['En fras.']);
    expect(x.phraseVersions).toHaveLength(1);
    expect(x.auditLog.length).toBeGreaterThan(0);
    // The samtal round is part of the record too: published times, their audience, invitations.
    expect(x.samtalTimes).toHaveLength(2);
    expect(x.samtalAudience).toEqual([expect.objectContaining({ groupId: t.a.classA })]);
    expect(x.samtalInvitations.map((i: any) => i.pupilId)).toEqual([t.a.pupilA]);
    const text = JSON.stringify(x);
    expect(text).not.toContain(t.b.schoolId);
    expect(text).not.toContain('Skola B:s fras.');
    // No secrets: no token or feed hashes.
    expect(text).not.toMatch(/"hash"/);
    expect(Object.keys(x)).not.toContain('apiTokens');
  });

  it('is for admins only, and the export itself is logged', async () => {
    expect((await t.call(t.a.tokens.teacherA, 'GET', '/v1/school/export')).status).toBe(403);
    await t.call(t.a.tokens.admin, 'GET', '/v1/school/export');
    const logged = (await t.client.execute("select count(*) from audit_log where entity = 'school-export'"))
      .rows[0]![0];
    expect(logged).toBe(1);
  });
});
