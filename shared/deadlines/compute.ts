import type { Calendar, SchoolSettings, SchoolYear } from '../schemas/school';
import { schoolYearOf } from '../iup/school-year';
import { dayNumber, isoFromDay, localDay } from './dates';
import { iupRequired, samtalPerTerm } from './iup-duty';
import type { DeadlineIup, DeadlineMeeting, DeadlinePupil, Duty, DutyReason, DutyState, Period } from './types';

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/** A samtal held this many days ago may still get its agreements written down without a red flag. */
const AGREEMENTS_GRACE_DAYS = 7;

export interface DeadlineInput {
  /** The school-local date to evaluate at. */
  today: string;
  calendar: Calendar;
  settings: Pick<SchoolSettings, 'shareDaysBeforeSamtal' | 'dueSoonDays' | 'iupDoneWhen'>;
  pupil: DeadlinePupil;
  meetings: readonly DeadlineMeeting[];
  iups: readonly DeadlineIup[];
  timeZone?: string;
}

export interface DeadlineResult {
  /** The läsår evaluated, or null when the school's calendar has no entry for today's läsår. */
  schoolYear: string | null;
  duties: Duty[];
}

/** The läsår (1 July – 30 June) containing `today`, as the school's calendar defines it. */
export function schoolYearFor(calendar: Calendar, today: string): SchoolYear | null {
  const label = schoolYearOf(today);
  return calendar.schoolYears.find((y) => y.label === label) ?? null;
}

interface TermSpan { period: Period; start: number; end: number }

/** Everything that is the same for every pupil of a school on one day, computed once. */
export interface DeadlineContext {
  schoolYear: string | null;
  started: boolean;
  today: number;
  settings: DeadlineInput['settings'];
  timeZone: string;
  year: TermSpan;
  terms: TermSpan[];
  /** Terms that have started by today: the ones with a samtal duty so far. */
  startedTerms: TermSpan[];
}

export function prepareDeadlines(calendar: Calendar, settings: DeadlineInput['settings'], today: string, timeZone = DEFAULT_TIME_ZONE): DeadlineContext | null {
  const year = schoolYearFor(calendar, today);
  if (!year) return null;
  const first = year.terms[0]!;
  const last = year.terms[year.terms.length - 1]!;
  const span = (term: Period['term'], start: string, end: string): TermSpan =>
    ({ period: { schoolYear: year.label, term, start, end }, start: dayNumber(start), end: dayNumber(end) });
  const terms = year.terms.map((t) => span(t.kind, t.start, t.end));
  const todayDay = dayNumber(today);
  return {
    schoolYear: year.label, today: todayDay, settings, timeZone,
    started: todayDay >= dayNumber(first.start),
    year: span(null, first.start, last.end),
    terms,
    startedTerms: terms.filter((t) => t.start <= todayDay),
  };
}

interface LocalMeeting { id: string; status: DeadlineMeeting['status']; agreementCount: number; day: number }

/** Every duty one pupil has in the prepared läsår. Pure; `computeDuties` is the one-call form. */
export function dutiesFor(ctx: DeadlineContext, pupil: DeadlinePupil, rawMeetings: readonly DeadlineMeeting[], iups: readonly DeadlineIup[]): Duty[] {
  if (!ctx.started) return [];
  const { today, settings, year } = ctx;
  const meetings: LocalMeeting[] = [];
  for (const m of rawMeetings) {
    if (m.status === 'cancelled') continue;
    const day = localDay(m.startsAt, ctx.timeZone);
    if (day >= year.start && day <= year.end) meetings.push({ id: m.id, status: m.status, agreementCount: m.agreementCount, day });
  }
  meetings.sort((a, b) => a.day - b.day);

  const windowState = (due: number): DutyState =>
    today > due ? 'overdue' : due - today <= settings.dueSoonDays ? 'due-soon' : 'open';
  const periodOf = (day: number): Period => (ctx.terms.find((t) => day >= t.start && day <= t.end) ?? year).period;
  const duties: Duty[] = [];

  // Rules 1 and 2: a samtal every term (once per läsår in förskoleklass).
  const enrolled = pupil.enrolledAt === null ? null : dayNumber(pupil.enrolledAt);
  for (const span of samtalPerTerm(pupil) ? ctx.startedTerms : [year]) {
    const kind = span.period.term ? 'samtal-term' : 'samtal-läsår';
    const base = { kind, period: span.period, due: span.period.end } as const;
    if (enrolled !== null && enrolled > span.end) {
      duties.push({ ...base, state: 'not-required', reason: 'deadlineSamtalJoinedAfter' });
      continue;
    }
    let held: LocalMeeting | undefined;
    let booked: LocalMeeting | undefined;
    let unconfirmed: LocalMeeting | undefined;
    for (const m of meetings) {
      if (m.day < span.start || m.day > span.end) continue;
      if (m.status === 'held') held ??= m;
      else if (m.day >= today) booked ??= m;
      else unconfirmed ??= m;
    }
    if (held) duties.push({ ...base, state: 'done', reason: 'deadlineSamtalHeld', meetingId: held.id });
    else if (booked) duties.push({ ...base, state: 'scheduled', reason: 'deadlineSamtalBooked', meetingId: booked.id });
    else if (unconfirmed) {
      // A booked samtal whose day has passed but is not marked held: probably held, but unconfirmed.
      duties.push({ ...base, state: today > span.end ? 'overdue' : 'due-soon', reason: 'deadlineSamtalMarkHeld', meetingId: unconfirmed.id });
    } else {
      const state = windowState(span.end);
      duties.push({ ...base, state, reason: state === 'overdue' ? 'deadlineSamtalMissed' : 'deadlineSamtalMissing' });
    }
  }

  // Rule 3: a written IUP once per läsår for pupils without grades.
  const iup = iupRequired(pupil);
  const doc = iups.find((d) => d.schoolYear === ctx.schoolYear);
  const shared = doc !== undefined && (doc.status === 'shared' || doc.status === 'agreed');
  const iupBase = { kind: 'iup-läsår', period: year.period, due: year.period.end } as const;
  if (!iup.required) {
    duties.push({ ...iupBase, state: 'not-required', reason: iup.reason });
  } else {
    const upcoming = meetings.find((m) => m.status === 'planned' && m.day >= today);
    if (doc?.status === 'agreed') duties.push({ ...iupBase, state: 'done', reason: 'deadlineIupAgreed' });
    else if (shared && settings.iupDoneWhen === 'shared') duties.push({ ...iupBase, state: 'done', reason: 'deadlineIupShared' });
    else if (upcoming) duties.push({ ...iupBase, state: 'scheduled', reason: 'deadlineIupWithBookedSamtal', meetingId: upcoming.id });
    else {
      const state = windowState(year.end);
      duties.push({ ...iupBase, state, reason: state === 'overdue' ? 'deadlineIupMissed' : 'deadlineIupMissing' });
    }

    // Rule 4: the draft reaches pupil and guardians N days before each booked samtal.
    for (const m of meetings) {
      if (m.status !== 'planned' || m.day < today) continue;
      const due = m.day - settings.shareDaysBeforeSamtal;
      let state: DutyState;
      let reason: DutyReason;
      if (shared) { state = 'done'; reason = 'deadlineShareDone'; }
      else if (today > due) { state = 'overdue'; reason = 'deadlineShareLate'; }
      else { state = windowState(due); reason = 'deadlineShareDue'; }
      duties.push({ kind: 'share-before-samtal', period: periodOf(m.day), due: isoFromDay(due), state, reason, meetingId: m.id });
    }
  }

  // Rule 5: agreements made at a held samtal are documented.
  for (const m of meetings) {
    if (m.status !== 'held' || m.day > today) continue;
    const due = m.day + AGREEMENTS_GRACE_DAYS;
    const documented = m.agreementCount > 0;
    duties.push({
      kind: 'agreements-documented', period: periodOf(m.day), due: isoFromDay(due), meetingId: m.id,
      state: documented ? 'done' : today > due ? 'overdue' : 'due-soon',
      reason: documented ? 'deadlineAgreementsDone' : 'deadlineAgreementsMissing',
    });
  }
  return duties;
}

/**
 * Every duty a pupil has in the current läsår, with its state on `today`.
 * Pure: the same input always gives the same duties, so it runs on the API and in the extension.
 */
export function computeDuties(input: DeadlineInput): DeadlineResult {
  const ctx = prepareDeadlines(input.calendar, input.settings, input.today, input.timeZone);
  if (!ctx) return { schoolYear: null, duties: [] };
  return { schoolYear: ctx.schoolYear, duties: dutiesFor(ctx, input.pupil, input.meetings, input.iups) };
}
