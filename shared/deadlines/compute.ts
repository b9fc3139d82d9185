import type { Calendar, SchoolSettings, SchoolYear, Term } from '../schemas/school';
import { schoolYearOf } from '../iup/school-year';
import { addDays, daysBetween, localDate } from './dates';
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

interface LocalMeeting extends DeadlineMeeting { date: string }

/**
 * Every duty a pupil has in the current läsår, with its state on `today`.
 * Pure: the same input always gives the same duties, so it runs on the API and in the extension.
 */
export function computeDuties(input: DeadlineInput): DeadlineResult {
  const year = schoolYearFor(input.calendar, input.today);
  if (!year) return { schoolYear: null, duties: [] };
  const { today, settings, pupil } = input;
  const first = year.terms[0]!;
  const last = year.terms[year.terms.length - 1]!;
  if (today < first.start) return { schoolYear: year.label, duties: [] };

  const tz = input.timeZone ?? DEFAULT_TIME_ZONE;
  const yearPeriod: Period = { schoolYear: year.label, term: null, start: first.start, end: last.end };
  const meetings: LocalMeeting[] = input.meetings
    .filter((m) => m.status !== 'cancelled')
    .map((m) => ({ ...m, date: localDate(m.startsAt, tz) }))
    .filter((m) => m.date >= yearPeriod.start && m.date <= yearPeriod.end)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const windowState = (due: string): DutyState =>
    today > due ? 'overdue' : daysBetween(today, due) <= settings.dueSoonDays ? 'due-soon' : 'open';
  const periodOf = (date: string): Period => {
    const term = year.terms.find((t) => date >= t.start && date <= t.end);
    return term ? termPeriod(year, term) : yearPeriod;
  };

  const duties: Duty[] = [];

  // Rules 1 and 2: a samtal every term (once per läsår in förskoleklass).
  const samtalPeriods = samtalPerTerm(pupil)
    ? year.terms.filter((t) => t.start <= today).map((t) => termPeriod(year, t))
    : [yearPeriod];
  for (const period of samtalPeriods) {
    const kind = period.term ? 'samtal-term' : 'samtal-läsår';
    if (pupil.enrolledAt && pupil.enrolledAt > period.end) {
      duties.push({ kind, period, due: period.end, state: 'not-required', reason: 'deadlineSamtalJoinedAfter' });
      continue;
    }
    const inPeriod = meetings.filter((m) => m.date >= period.start && m.date <= period.end);
    const held = inPeriod.find((m) => m.status === 'held');
    const booked = inPeriod.find((m) => m.status === 'planned' && m.date >= today);
    const unconfirmed = inPeriod.find((m) => m.status === 'planned' && m.date < today);
    const base = { kind, period, due: period.end } as const;
    if (held) duties.push({ ...base, state: 'done', reason: 'deadlineSamtalHeld', meetingId: held.id });
    else if (booked) duties.push({ ...base, state: 'scheduled', reason: 'deadlineSamtalBooked', meetingId: booked.id });
    else if (unconfirmed) {
      // A booked samtal whose day has passed but is not marked held: probably held, but unconfirmed.
      duties.push({ ...base, state: today > period.end ? 'overdue' : 'due-soon', reason: 'deadlineSamtalMarkHeld', meetingId: unconfirmed.id });
    } else {
      const state = windowState(period.end);
      duties.push({ ...base, state, reason: state === 'overdue' ? 'deadlineSamtalMissed' : 'deadlineSamtalMissing' });
    }
  }

  // Rule 3: a written IUP once per läsår for pupils without grades.
  const iup = iupRequired(pupil);
  const doc = input.iups.find((d) => d.schoolYear === year.label);
  const shared = doc !== undefined && (doc.status === 'shared' || doc.status === 'agreed');
  if (!iup.required) {
    duties.push({ kind: 'iup-läsår', period: yearPeriod, due: yearPeriod.end, state: 'not-required', reason: iup.reason });
  } else {
    const base = { kind: 'iup-läsår', period: yearPeriod, due: yearPeriod.end } as const;
    const upcoming = meetings.find((m) => m.status === 'planned' && m.date >= today);
    if (doc?.status === 'agreed') duties.push({ ...base, state: 'done', reason: 'deadlineIupAgreed' });
    else if (shared && settings.iupDoneWhen === 'shared') duties.push({ ...base, state: 'done', reason: 'deadlineIupShared' });
    else if (upcoming) duties.push({ ...base, state: 'scheduled', reason: 'deadlineIupWithBookedSamtal', meetingId: upcoming.id });
    else {
      const state = windowState(yearPeriod.end);
      duties.push({ ...base, state, reason: state === 'overdue' ? 'deadlineIupMissed' : 'deadlineIupMissing' });
    }

    // Rule 4: the draft reaches pupil and guardians N days before each booked samtal.
    for (const m of meetings.filter((x) => x.status === 'planned' && x.date >= today)) {
      const due = addDays(m.date, -settings.shareDaysBeforeSamtal);
      let state: DutyState;
      let reason: DutyReason;
      if (shared) [state, reason] = ['done', 'deadlineShareDone'];
      else if (today > due) [state, reason] = ['overdue', 'deadlineShareLate'];
      else [state, reason] = [windowState(due), 'deadlineShareDue'];
      duties.push({ kind: 'share-before-samtal', period: periodOf(m.date), due, state, reason, meetingId: m.id });
    }
  }

  // Rule 5: agreements made at a held samtal are documented.
  for (const m of meetings.filter((x) => x.status === 'held' && x.date <= today)) {
    const due = addDays(m.date, AGREEMENTS_GRACE_DAYS);
    const documented = m.agreements.length > 0;
    duties.push({
      kind: 'agreements-documented', period: periodOf(m.date), due, meetingId: m.id,
      state: documented ? 'done' : today > due ? 'overdue' : 'due-soon',
      reason: documented ? 'deadlineAgreementsDone' : 'deadlineAgreementsMissing',
    });
  }
  return { schoolYear: year.label, duties };
}

function termPeriod(year: SchoolYear, t: Term): Period {
  return { schoolYear: year.label, term: t.kind, start: t.start, end: t.end };
}
