import { beforeEach, describe, expect, it } from 'vitest';
import { CHILD_FRIENDLY_PREPARATION, STANDARD_PREPARATION } from '../../shared/schemas/preparation';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

describe('school settings, calendar and template', () => {
  it('any teacher reads them; only an admin changes them', async () => {
    const read = await t.call(t.a.tokens.teacherA, 'GET', '/v1/school');
    expect(read.status).toBe(200);
    expect(read.body.settings).toEqual({
      shareDaysBeforeSamtal: 7,
      dueSoonDays: 21,
      iupDoneWhen: 'agreed',
      shareBeforeSamtalForGraded: true,
      requiredSubjects: [],
      preparation: { standard: STANDARD_PREPARATION, childFriendly: CHILD_FRIENDLY_PREPARATION },
      bookingCutoffHours: 24,
      lmsOrigins: [],
      pupilDetection: [],
    });
    expect(read.body.template.sections.map((s: any) => s.kind)).toEqual([
      'omdomen',
      'social',
      'planning',
      'pupil-voice',
      'agreements',
    ]);
    expect((await t.call(t.a.tokens.teacherA, 'PATCH', '/v1/school', { settings: { dueSoonDays: 30 } })).status).toBe(
      403,
    );
    const changed = await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', {
      settings: { dueSoonDays: 30, lmsOrigins: ['https://lms.example.se'] },
      calendar: {
        schoolYears: [
          {
            label: '2026/27',
            terms: [
              { kind: 'ht', start: '2026-08-20', end: '2026-12-18' },
              { kind: 'vt', start: '2027-01-11', end: '2027-06-10' },
            ],
          },
        ],
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.settings).toMatchObject({
      dueSoonDays: 30,
      shareDaysBeforeSamtal: 7,
      lmsOrigins: ['https://lms.example.se'],
    });
    expect((await t.call(t.b.tokens.admin, 'GET', '/v1/school')).body.settings.dueSoonDays).toBe(21);
  });

  it('refuses overlapping terms, reversed dates, bad labels and bad origins, and changes nothing', async () => {
    const term = (start: string, end: string, kind = 'ht') => ({ kind, start, end });
    for (const body of [
      {
        calendar: {
          schoolYears: [
            { label: '2026/27', terms: [term('2026-08-20', '2027-01-20'), term('2027-01-11', '2027-06-10', 'vt')] },
          ],
        },
      },
      { calendar: { schoolYears: [{ label: '2026/27', terms: [term('2026-12-20', '2026-08-20')] }] } },
      { calendar: { schoolYears: [{ label: '2026-27', terms: [term('2026-08-20', '2026-12-20')] }] } },
      {
        calendar: {
          schoolYears: [
            { label: '2026/27', terms: [term('2026-08-20', '2026-12-20')] },
            { label: '2026/27', terms: [term('2026-08-20', '2026-12-20')] },
          ],
        },
      },
      { settings: { lmsOrigins: ['javascript:alert(1)'] } },
      { settings: { dueSoonDays: 0 } },
      { template: { subjects: [], scale: null, sections: [] } },
      { unknown: true },
    ]) {
      const res = await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await t.call(t.a.tokens.admin, 'GET', '/v1/school')).body.calendar.schoolYears[0].terms[0].start).toBe(
      '2026-08-18',
    );
  });
});

describe('PATCH /v1/school is a merge patch (RFC 7396)', () => {
  // A value for every setting that differs from its default, so a wiped setting shows.
  const CHANGED: Record<string, unknown> = {
    shareDaysBeforeSamtal: 10,
    dueSoonDays: 14,
    iupDoneWhen: 'shared',
    shareBeforeSamtalForGraded: false,
    requiredSubjects: ['SV', 'MA'],
    preparation: {
      standard: [{ id: 'q1', audience: 'pupil', kind: 'text', text: { sv: 'Vad går bra?', en: 'What goes well?' } }],
      childFriendly: [{ id: 'q2', audience: 'pupil', kind: 'scale', text: { sv: 'Roligt?', en: 'Fun?' } }],
    },
    bookingCutoffHours: 48,
    lmsOrigins: ['https://lms.example.se'],
    pupilDetection: [{ urlPattern: '/elev/', selector: 'h1', attribute: null, match: 'name' }],
  };

  it('covers every setting the school has', async () => {
    const read = await t.call(t.a.tokens.admin, 'GET', '/v1/school');
    expect(Object.keys(CHANGED).sort()).toEqual(Object.keys(read.body.settings).sort());
  });

  it('changes only the setting it names, for every setting, and null puts one back to its default', async () => {
    expect((await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { settings: CHANGED })).status).toBe(200);
    const defaults = (await t.call(t.b.tokens.admin, 'GET', '/v1/school')).body.settings;
    for (const [key, value] of Object.entries(CHANGED)) {
      // Patch one setting back to its default value: every other one keeps its changed value.
      const res = await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { settings: { [key]: defaults[key] } });
      expect(res.status, key).toBe(200);
      expect(res.body.settings, key).toEqual({ ...CHANGED, [key]: defaults[key] });
      expect(
        (await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { settings: { [key]: value } })).body.settings,
        key,
      ).toEqual(CHANGED);
      // null: back to the default, the rest untouched.
      const reset = await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { settings: { [key]: null } });
      expect(reset.body.settings, key).toEqual({ ...CHANGED, [key]: defaults[key] });
      await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { settings: { [key]: value } });
    }
    // The name alone leaves every setting, the calendar and the template as they were.
    const before = (await t.call(t.a.tokens.admin, 'GET', '/v1/school')).body;
    const renamed = await t.call(
      t.a.tokens.admin,
      'PATCH',
      '/v1/school',
      { name: 'Nytt namn' },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({ ...before, name: 'Nytt namn' });
  });

  it('refuses unknown settings by name and changes nothing', async () => {
    await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { settings: CHANGED });
    const res = await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', {
      settings: { dueSoonDays: 14, dueSoonDayz: 3 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('dueSoonDayz');
    expect((await t.call(t.a.tokens.admin, 'GET', '/v1/school')).body.settings).toEqual(CHANGED);
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
