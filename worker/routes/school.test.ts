import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => { t = await createTestApi(); });

describe('school settings, calendar and template', () => {
  it('any teacher reads them; only an admin changes them', async () => {
    const read = await t.call(t.a.tokens.teacherA, 'GET', '/v1/school');
    expect(read.status).toBe(200);
    expect(read.body.settings).toEqual({ shareDaysBeforeSamtal: 7, dueSoonDays: 21, iupDoneWhen: 'agreed', lmsOrigins: [], pupilDetection: [] });
    expect(read.body.template.sections.map((s: any) => s.kind)).toEqual(['omdomen', 'social', 'planning', 'pupil-voice', 'agreements']);
    expect((await t.call(t.a.tokens.teacherA, 'PATCH', '/v1/school', { settings: { dueSoonDays: 30 } })).status).toBe(403);
    const changed = await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', {
      settings: { dueSoonDays: 30, lmsOrigins: ['https://lms.example.se'] },
      calendar: { schoolYears: [{ label: '2026/27', terms: [{ kind: 'ht', start: '2026-08-20', end: '2026-12-18' }, { kind: 'vt', start: '2027-01-11', end: '2027-06-10' }] }] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.settings).toMatchObject({ dueSoonDays: 30, shareDaysBeforeSamtal: 7, lmsOrigins: ['https://lms.example.se'] });
    expect((await t.call(t.b.tokens.admin, 'GET', '/v1/school')).body.settings.dueSoonDays).toBe(21);
  });

  it('refuses overlapping terms, reversed dates, bad labels and bad origins, and changes nothing', async () => {
    const term = (start: string, end: string, kind = 'ht') => ({ kind, start, end });
    for (const body of [
      { calendar: { schoolYears: [{ label: '2026/27', terms: [term('2026-08-20', '2027-01-20'), term('2027-01-11', '2027-06-10', 'vt')] }] } },
      { calendar: { schoolYears: [{ label: '2026/27', terms: [term('2026-12-20', '2026-08-20')] }] } },
      { calendar: { schoolYears: [{ label: '2026-27', terms: [term('2026-08-20', '2026-12-20')] }] } },
      { calendar: { schoolYears: [{ label: '2026/27', terms: [term('2026-08-20', '2026-12-20')] }, { label: '2026/27', terms: [term('2026-08-20', '2026-12-20')] }] } },
      { settings: { lmsOrigins: ['javascript:alert(1)'] } },
      { settings: { dueSoonDays: 0 } },
      { template: { subjects: [], scale: null, sections: [] } },
      { unknown: true },
    ]) {
      const res = await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await t.call(t.a.tokens.admin, 'GET', '/v1/school')).body.calendar.schoolYears[0].terms[0].start).toBe('2026-08-18');
  });
});

describe('GET /v1/me', () => {
  it('returns the teacher with teams (and lead role) and the teams’ groups', async () => {
    const res = await t.call(t.a.tokens.leadA, 'GET', '/v1/me');
    expect(res.status).toBe(200);
    expect(res.body.teacher).toMatchObject({ id: t.a.ids.leadA, role: 'teacher' });
    expect(res.body.school.id).toBe(t.a.schoolId);
    expect(res.body.teams).toEqual([{ id: t.a.teamA, name: 'Lag A', role: 'lead' }]);
    expect(res.body.groups.map((g: any) => g.id)).toEqual([t.a.classA]);
  });
});
