import { describe, expect, it } from 'vitest';
import type { Calendar, SchoolSettings } from '../schemas/school';
import { computeDuties, type DeadlineInput } from './compute';
import type { DeadlineInvitation, DeadlineIup, DeadlineMeeting, DeadlinePupil, Duty } from './types';

// Two huvudmän with different term dates: calendars are data.
const CAL_A: Calendar = {
  schoolYears: [
    {
      label: '2026/27',
      terms: [
        { kind: 'ht', start: '2026-08-18', end: '2026-12-19' },
        { kind: 'vt', start: '2027-01-08', end: '2027-06-12' },
      ],
    },
  ],
};
const CAL_B: Calendar = {
  schoolYears: [
    {
      label: '2026/27',
      terms: [
        { kind: 'ht', start: '2026-08-24', end: '2026-12-22' },
        { kind: 'vt', start: '2027-01-11', end: '2027-06-15' },
      ],
    },
  ],
};
const SETTINGS: DeadlineInput['settings'] = { shareDaysBeforeSamtal: 7, dueSoonDays: 21, iupDoneWhen: 'agreed' };

const GR3: DeadlinePupil = { skolform: 'grundskola', arskurs: 3, getsGrades: false, enrolledAt: null };
let n = 0;
const held = (startsAt: string, agreements = 1): DeadlineMeeting => ({
  id: `m${++n}`,
  startsAt,
  status: 'held',
  agreementCount: agreements,
});
const planned = (startsAt: string): DeadlineMeeting => ({
  id: `m${++n}`,
  startsAt,
  status: 'planned',
  agreementCount: 0,
});
const cancelled = (startsAt: string): DeadlineMeeting => ({
  id: `m${++n}`,
  startsAt,
  status: 'cancelled',
  agreementCount: 0,
});

interface Row {
  rule: string;
  scenario: string;
  today: string;
  pupil?: Partial<DeadlinePupil>;
  meetings?: DeadlineMeeting[];
  iups?: DeadlineIup[];
  invitations?: DeadlineInvitation[];
  shares?: string[];
  settings?: Partial<SchoolSettings>;
  calendar?: Calendar;
  /** kind@term → expected "state" or "state/reason". Duties not listed are not checked; `absent` means no such duty. */
  expect: Record<string, string>;
}

// prettier-ignore
const ROWS: Row[] = [
  // Rule 1: samtal each term (obligatory school forms)
  { rule: '1 samtal/term', scenario: 'held samtal in HT', today: '2026-11-02', meetings: [held('2026-10-05T13:00:00Z')], expect: { 'samtal-term@ht': 'done/deadlineSamtalHeld' } },
  { rule: '1 samtal/term', scenario: 'booked samtal later in HT', today: '2026-11-02', meetings: [planned('2026-11-20T13:00:00Z')], expect: { 'samtal-term@ht': 'scheduled/deadlineSamtalBooked' } },
  { rule: '1 samtal/term', scenario: 'nothing booked, far from term end', today: '2026-10-01', expect: { 'samtal-term@ht': 'open/deadlineSamtalMissing' } },
  { rule: '1 samtal/term', scenario: 'nothing booked, 19 days before term end', today: '2026-11-30', expect: { 'samtal-term@ht': 'due-soon/deadlineSamtalMissing' } },
  { rule: '1 samtal/term', scenario: 'nothing booked, 22 days before term end', today: '2026-11-27', expect: { 'samtal-term@ht': 'open' } },
  { rule: '1 samtal/term', scenario: 'due-soon window is a setting', today: '2026-11-27', settings: { dueSoonDays: 30 }, expect: { 'samtal-term@ht': 'due-soon' } },
  { rule: '1 samtal/term', scenario: 'HT passed without samtal (in the Christmas break)', today: '2026-12-28', expect: { 'samtal-term@ht': 'overdue/deadlineSamtalMissed', 'samtal-term@vt': 'absent' } },
  { rule: '1 samtal/term', scenario: 'booked samtal passed, not marked held, term still on', today: '2026-11-25', meetings: [planned('2026-11-20T13:00:00Z')], expect: { 'samtal-term@ht': 'due-soon/deadlineSamtalMarkHeld' } },
  { rule: '1 samtal/term', scenario: 'booked samtal passed, not marked held, term over', today: '2027-01-20', meetings: [planned('2026-11-20T13:00:00Z')], expect: { 'samtal-term@ht': 'overdue/deadlineSamtalMarkHeld' } },
  { rule: '1 samtal/term', scenario: 'cancelled samtal does not count', today: '2026-12-28', meetings: [cancelled('2026-11-20T13:00:00Z')], expect: { 'samtal-term@ht': 'overdue' } },
  { rule: '1 samtal/term', scenario: 'HT done, VT running: each term separately', today: '2027-02-01', meetings: [held('2026-10-05T13:00:00Z')], expect: { 'samtal-term@ht': 'done', 'samtal-term@vt': 'open' } },
  { rule: '1 samtal/term', scenario: 'two samtal in HT do not cover VT', today: '2027-06-01', meetings: [held('2026-10-05T13:00:00Z'), held('2026-12-01T13:00:00Z')], expect: { 'samtal-term@vt': 'due-soon' } },
  // Term boundaries
  { rule: 'boundaries', scenario: 'samtal on the last day of HT counts for HT', today: '2027-01-20', meetings: [held('2026-12-19T15:00:00Z')], expect: { 'samtal-term@ht': 'done' } },
  { rule: 'boundaries', scenario: 'samtal on the first day of VT counts for VT', today: '2027-01-20', meetings: [held('2027-01-08T08:00:00Z')], expect: { 'samtal-term@ht': 'overdue', 'samtal-term@vt': 'done' } },
  { rule: 'boundaries', scenario: 'samtal held in the Christmas break counts for no term', today: '2027-01-20', meetings: [held('2027-01-02T10:00:00Z')], expect: { 'samtal-term@ht': 'overdue', 'samtal-term@vt': 'open' } },
  { rule: 'boundaries', scenario: 'local date decides: 00:30 on 20 Dec in Stockholm is after HT', today: '2027-01-20', meetings: [held('2026-12-19T23:30:00Z')], expect: { 'samtal-term@ht': 'overdue' } },
  { rule: 'boundaries', scenario: 'VT not started: no VT duty yet', today: '2026-11-02', expect: { 'samtal-term@vt': 'absent' } },
  { rule: 'boundaries', scenario: 'läsår not started (summer): no duties', today: '2026-08-01', expect: { 'samtal-term@ht': 'absent', 'iup-läsår@-': 'absent' } },
  { rule: 'boundaries', scenario: 'pupil joined mid-HT still needs an HT samtal', today: '2026-12-10', pupil: { enrolledAt: '2026-11-15' }, expect: { 'samtal-term@ht': 'due-soon/deadlineSamtalMissing' } },
  { rule: 'boundaries', scenario: 'pupil joined in VT: no HT duty here', today: '2027-02-01', pupil: { enrolledAt: '2027-01-20' }, expect: { 'samtal-term@ht': 'not-required/deadlineSamtalJoinedAfter', 'samtal-term@vt': 'open' } },
  // Calendars are data
  { rule: 'calendar', scenario: 'school A: 21 Dec is after HT', today: '2026-12-21', calendar: CAL_A, expect: { 'samtal-term@ht': 'overdue' } },
  { rule: 'calendar', scenario: 'school B: 21 Dec is still HT', today: '2026-12-21', calendar: CAL_B, expect: { 'samtal-term@ht': 'due-soon' } },
  { rule: 'calendar', scenario: 'school A: samtal on 22 Dec is in the break', today: '2027-01-20', calendar: CAL_A, meetings: [held('2026-12-22T09:00:00Z')], expect: { 'samtal-term@ht': 'overdue' } },
  { rule: 'calendar', scenario: 'school B: samtal on 22 Dec is in HT', today: '2027-01-20', calendar: CAL_B, meetings: [held('2026-12-22T09:00:00Z')], expect: { 'samtal-term@ht': 'done' } },
  { rule: 'calendar', scenario: 'no calendar entry for the läsår: no duties, never "not required"', today: '2027-09-01', expect: { 'samtal-term@ht': 'absent', 'iup-läsår@-': 'absent' } },
  // Rule 2: förskoleklass, one samtal per läsår
  { rule: '2 FK samtal/läsår', scenario: 'FK samtal in HT covers the whole läsår', today: '2027-05-01', pupil: { skolform: 'forskoleklass', arskurs: 0 }, meetings: [held('2026-10-05T13:00:00Z')], expect: { 'samtal-läsår@-': 'done', 'samtal-term@ht': 'absent', 'samtal-term@vt': 'absent' } },
  { rule: '2 FK samtal/läsår', scenario: 'FK without samtal in HT is not overdue yet', today: '2027-01-20', pupil: { skolform: 'forskoleklass', arskurs: 0 }, expect: { 'samtal-läsår@-': 'open' } },
  { rule: '2 FK samtal/läsår', scenario: 'FK without samtal near läsår end', today: '2027-06-01', pupil: { skolform: 'forskoleklass', arskurs: 0 }, expect: { 'samtal-läsår@-': 'due-soon' } },
  // Rule 2: förskoleklass — the duty is the invitation
  { rule: '2 FK bjuda in', scenario: 'FK invited in HT: the duty is met, though nothing is booked', today: '2027-06-01', pupil: { skolform: 'forskoleklass', arskurs: 0 }, invitations: [{ sentAt: '2026-10-01T08:00:00Z', declined: false }], expect: { 'samtal-läsår@-': 'done/deadlineSamtalInvited' } },
  { rule: '2 FK bjuda in', scenario: 'FK family declined: recorded, not overdue after the läsår', today: '2027-06-20', pupil: { skolform: 'forskoleklass', arskurs: 0 }, invitations: [{ sentAt: '2026-10-01T08:00:00Z', declined: true }], expect: { 'samtal-läsår@-': 'done/deadlineSamtalDeclined' } },
  { rule: '2 FK bjuda in', scenario: 'FK invitation from last läsår does not count', today: '2027-06-20', pupil: { skolform: 'forskoleklass', arskurs: 0 }, invitations: [{ sentAt: '2026-05-01T08:00:00Z', declined: false }], expect: { 'samtal-läsår@-': 'overdue/deadlineSamtalMissed' } },
  { rule: '2 FK bjuda in', scenario: 'FK booked after the invitation: scheduled', today: '2026-11-02', pupil: { skolform: 'forskoleklass', arskurs: 0 }, invitations: [{ sentAt: '2026-10-01T08:00:00Z', declined: false }], meetings: [planned('2026-11-20T13:00:00Z')], expect: { 'samtal-läsår@-': 'scheduled/deadlineSamtalBooked' } },
  { rule: '2 FK bjuda in', scenario: 'an invitation does not hold a grundskola samtal: each term needs one', today: '2026-12-28', invitations: [{ sentAt: '2026-10-01T08:00:00Z', declined: true }], expect: { 'samtal-term@ht': 'overdue/deadlineSamtalMissed' } },
  // Rule 3: IUP once per läsår for pupils without grades
  // Changed: "agreed" alone counted as done; it counts only when agreed at a held samtal of the läsår (the API links the two and refuses an incomplete IUP).
  { rule: '3 IUP/läsår', scenario: 'IUP agreed at a held samtal', today: '2026-11-02', iups: [{ schoolYear: '2026/27', status: 'agreed', agreedAtSamtal: true }], expect: { 'iup-läsår@-': 'done/deadlineIupAgreed' } },
  { rule: '3 IUP/läsår', scenario: 'agreed without a held samtal is not done', today: '2026-11-02', iups: [{ schoolYear: '2026/27', status: 'agreed' }], expect: { 'iup-läsår@-': 'open/deadlineIupAgreedNoSamtal' } },
  { rule: '3 IUP/läsår', scenario: 'shared IUP is not done by default', today: '2027-06-01', iups: [{ schoolYear: '2026/27', status: 'shared' }], expect: { 'iup-läsår@-': 'due-soon/deadlineIupMissing' } },
  { rule: '3 IUP/läsår', scenario: 'shared IUP is done when the school says so', today: '2027-06-01', settings: { iupDoneWhen: 'shared' }, iups: [{ schoolYear: '2026/27', status: 'shared' }], expect: { 'iup-läsår@-': 'done/deadlineIupShared' } },
  { rule: '3 IUP/läsår', scenario: "last year's agreed IUP does not count", today: '2026-11-02', iups: [{ schoolYear: '2025/26', status: 'agreed' }], expect: { 'iup-läsår@-': 'open/deadlineIupMissing' } },
  { rule: '3 IUP/läsår', scenario: 'draft IUP with a booked samtal', today: '2026-11-02', iups: [{ schoolYear: '2026/27', status: 'draft' }], meetings: [planned('2026-11-20T13:00:00Z')], expect: { 'iup-läsår@-': 'scheduled/deadlineIupWithBookedSamtal' } },
  { rule: '3 IUP/läsår', scenario: 'läsår over without IUP (in June, after VT)', today: '2027-06-20', expect: { 'iup-läsår@-': 'overdue/deadlineIupMissed' } },
  // Rule 4: share before the samtal
  { rule: '4 share before', scenario: 'draft not shared, samtal in 20 days', today: '2026-11-02', iups: [{ schoolYear: '2026/27', status: 'draft' }], meetings: [planned('2026-11-22T13:00:00Z')], expect: { 'share-before-samtal@ht': 'due-soon/deadlineShareDue' } },
  { rule: '4 share before', scenario: 'draft not shared, samtal in 5 days (share-by passed)', today: '2026-11-17', iups: [{ schoolYear: '2026/27', status: 'ready' }], meetings: [planned('2026-11-22T13:00:00Z')], expect: { 'share-before-samtal@ht': 'overdue/deadlineShareLate' } },
  { rule: '4 share before', scenario: 'no draft at all, samtal in 5 days', today: '2026-11-17', meetings: [planned('2026-11-22T13:00:00Z')], expect: { 'share-before-samtal@ht': 'overdue' } },
  // Changed: the status "shared" counted whenever it was set; now the date it was shared must fall after the previous samtal and N days before this one.
  { rule: '4 share before', scenario: 'shared in time', today: '2026-11-17', iups: [{ schoolYear: '2026/27', status: 'shared', sharedAt: '2026-11-10T10:00:00Z' }], meetings: [planned('2026-11-22T13:00:00Z')], expect: { 'share-before-samtal@ht': 'done/deadlineShareDone' } },
  { rule: '4 share before', scenario: 'shared after the share-by date does not count', today: '2026-11-17', iups: [{ schoolYear: '2026/27', status: 'shared', sharedAt: '2026-11-16T10:00:00Z' }], meetings: [planned('2026-11-22T13:00:00Z')], expect: { 'share-before-samtal@ht': 'overdue/deadlineShareLate' } },
  { rule: '4 share before', scenario: 'a family link made in time counts as sharing', today: '2026-11-17', iups: [{ schoolYear: '2026/27', status: 'draft' }], shares: ['2026-11-09T15:00:00Z'], meetings: [planned('2026-11-22T13:00:00Z')], expect: { 'share-before-samtal@ht': 'done/deadlineShareDone' } },
  { rule: '4 share before', scenario: "what was shared before the HT samtal does not prepare VT's", today: '2027-02-20', iups: [{ schoolYear: '2026/27', status: 'agreed', agreedAtSamtal: true, sharedAt: '2026-09-20T10:00:00Z' }], shares: ['2026-09-21T10:00:00Z'], meetings: [held('2026-10-05T13:00:00Z'), planned('2027-03-10T13:00:00Z')], expect: { 'share-before-samtal@vt': 'due-soon/deadlineShareDue' } },
  { rule: '4 share before', scenario: 'days before is a setting (3)', today: '2026-11-17', settings: { shareDaysBeforeSamtal: 3 }, meetings: [planned('2026-11-22T13:00:00Z')], expect: { 'share-before-samtal@ht': 'due-soon' } },
  { rule: '4 share before', scenario: 'samtal two months away', today: '2026-09-01', meetings: [planned('2026-11-22T13:00:00Z')], expect: { 'share-before-samtal@ht': 'open' } },
  // Changed: graded pupils had no preparation duty; every samtal is prepared for, unless the school turns it off for pupils without an IUP.
  { rule: '4 share before', scenario: 'graded pupil prepares too', today: '2026-11-17', pupil: { arskurs: 7 }, meetings: [planned('2026-11-22T13:00:00Z')], expect: { 'share-before-samtal@ht': 'overdue/deadlineShareLate' } },
  { rule: '4 share before', scenario: 'graded pupil: the school may turn it off', today: '2026-11-17', pupil: { arskurs: 7 }, settings: { shareBeforeSamtalForGraded: false }, meetings: [planned('2026-11-22T13:00:00Z')], expect: { 'share-before-samtal@ht': 'absent' } },
  { rule: '4 share before', scenario: 'förskoleklass prepares too, through the family link', today: '2026-11-17', pupil: { skolform: 'forskoleklass', arskurs: 0 }, shares: ['2026-11-01T10:00:00Z'], meetings: [planned('2026-11-22T13:00:00Z')], expect: { 'share-before-samtal@ht': 'done/deadlineShareDone' } },
  // Rule 5: agreements documented
  { rule: '5 agreements', scenario: 'held samtal with agreements', today: '2026-11-02', meetings: [held('2026-10-05T13:00:00Z', 2)], expect: { 'agreements-documented@ht': 'done/deadlineAgreementsDone' } },
  { rule: '5 agreements', scenario: 'held samtal without agreements, weeks ago', today: '2026-11-02', meetings: [held('2026-10-05T13:00:00Z', 0)], expect: { 'agreements-documented@ht': 'overdue/deadlineAgreementsMissing' } },
  { rule: '5 agreements', scenario: 'held samtal without agreements, yesterday', today: '2026-11-02', meetings: [held('2026-11-01T13:00:00Z', 0)], expect: { 'agreements-documented@ht': 'due-soon/deadlineAgreementsMissing' } },
  { rule: '5 agreements', scenario: 'a samtal held in the Christmas break counts for no term, so it creates no agreements duty', today: '2027-01-20', meetings: [held('2027-01-02T10:00:00Z', 0)], expect: { 'agreements-documented@-': 'absent', 'samtal-term@ht': 'overdue' } },
  { rule: '5 agreements', scenario: 'förskoleklass: a samtal in a break counts for the läsår, and so do its agreements', today: '2027-01-20', pupil: { skolform: 'forskoleklass', arskurs: 0 }, meetings: [held('2027-01-02T10:00:00Z', 0)], expect: { 'agreements-documented@-': 'overdue/deadlineAgreementsMissing', 'samtal-läsår@-': 'done' } },
  { rule: '5 agreements', scenario: 'graded pupils need documented agreements too', today: '2026-11-02', pupil: { arskurs: 8 }, meetings: [held('2026-10-05T13:00:00Z', 0)], expect: { 'agreements-documented@ht': 'overdue' } },
];

const key = (d: Duty) => `${d.kind}@${d.period.term ?? '-'}`;

function run(row: Row): Duty[] {
  return computeDuties({
    today: row.today,
    calendar: row.calendar ?? CAL_A,
    settings: { ...SETTINGS, ...row.settings },
    pupil: { ...GR3, ...row.pupil },
    meetings: row.meetings ?? [],
    iups: row.iups ?? [],
    invitations: row.invitations ?? [],
    shares: row.shares ?? [],
  }).duties;
}

describe('deadline rules — scenarios', () => {
  it.each(ROWS.map((r) => [`[${r.rule}] ${r.scenario}`, r] as const))('%s', (_name, row) => {
    const duties = run(row);
    for (const [k, want] of Object.entries(row.expect)) {
      const found = duties.filter((d) => key(d) === k);
      if (want === 'absent') {
        expect(found, k).toEqual([]);
        continue;
      }
      expect(found.length, `${k} in ${duties.map(key).join(', ')}`).toBeGreaterThan(0);
      const [state, reason] = want.split('/');
      expect(found[0]!.state, k).toBe(state);
      if (reason) expect(found[0]!.reason, k).toBe(reason);
    }
  });
});

// Rule 3 by skolform × årskurs × grades. 'iup' = written IUP required; 'none' = not required.
// prettier-ignore
const MATRIX: [DeadlinePupil['skolform'], number[], boolean, 'iup' | 'none'][] = [
  ['forskoleklass', [0], false, 'none'],
  ['grundskola', [1, 2, 3, 4, 5], false, 'iup'],
  ['grundskola', [1, 2, 3, 4, 5], true, 'iup'],          // the flag is ignored where grades follow from åk
  ['grundskola', [6, 7, 8, 9], false, 'none'],
  ['grundskola', [6, 7, 8, 9], true, 'none'],
  ['anpassad-grundskola', [1, 2, 3, 4, 5], false, 'iup'],
  ['anpassad-grundskola', [1, 2, 3, 4, 5], true, 'iup'],
  ['anpassad-grundskola', [6, 7, 8, 9], false, 'iup'],  // no grades set for this pupil
  ['anpassad-grundskola', [6, 7, 8, 9], true, 'none'],
  ['specialskola', [1, 2, 3, 4, 5, 6], false, 'iup'],
  ['specialskola', [1, 2, 3, 4, 5, 6], true, 'iup'],
  ['specialskola', [7, 8, 9, 10], false, 'iup'],
  ['specialskola', [7, 8, 9, 10], true, 'none'],
  ['sameskola', [1, 2, 3, 4, 5], false, 'iup'],
  ['sameskola', [6], false, 'none'],                    // sameskolans åk 6 has grades
];

describe('deadline rules — every skolform × årskurs', () => {
  const cases = MATRIX.flatMap(([skolform, years, getsGrades, want]) =>
    years.map((arskurs) => [skolform, arskurs, getsGrades, want] as const),
  );
  it.each(cases)('%s åk %i, getsGrades=%s → %s', (skolform, arskurs, getsGrades, want) => {
    const duties = computeDuties({
      today: '2027-02-01',
      calendar: CAL_A,
      settings: SETTINGS,
      pupil: { skolform, arskurs, getsGrades, enrolledAt: null },
      meetings: [],
      iups: [],
    }).duties;
    const iup = duties.find((d) => d.kind === 'iup-läsår')!;
    expect(iup.state === 'not-required' ? 'none' : 'iup').toBe(want);
    const samtal = duties.filter((d) => d.kind === 'samtal-term' || d.kind === 'samtal-läsår').map((d) => d.kind);
    // Every pupil has a samtal duty: per term in the obligatory forms, per läsår in förskoleklass.
    expect(samtal).toEqual(skolform === 'forskoleklass' ? ['samtal-läsår'] : ['samtal-term', 'samtal-term']);
    expect(duties.every((d) => d.kind === 'iup-läsår' || d.state !== 'not-required')).toBe(true);
  });
});
