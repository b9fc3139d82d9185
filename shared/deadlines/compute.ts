import type { Calendar, SchoolSettings, SchoolYear } from '../schemas/school';
import { schoolYearOf } from '../iup/school-year';
import { dayNumber, isoFromDay, localDay } from './dates';
import { iupRequired, samtalPerTerm } from './iup-duty';
import type {
  DeadlineInvitation,
  DeadlineIup,
  DeadlineMeeting,
  DeadlinePupil,
  Duty,
  DutyReason,
  DutyState,
  Period,
} from './types';

export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

/** A samtal held this many days ago may still get its agreements written down without a red flag. */
const AGREEMENTS_GRACE_DAYS = 7;

export interface DeadlineInput {
  /** The school-local date to evaluate at. */
  today: string;
  calendar: Calendar;
  settings: Pick<SchoolSettings, 'shareDaysBeforeSamtal' | 'dueSoonDays' | 'iupDoneWhen'> &
    Partial<Pick<SchoolSettings, 'shareBeforeSamtalForGraded'>>;
  pupil: DeadlinePupil;
  meetings: readonly DeadlineMeeting[];
  iups: readonly DeadlineIup[];
  /** Invitations sent for the läsår's samtal; only förskoleklass duties read them. */
  invitations?: readonly DeadlineInvitation[];
  /** When a family link was made for the pupil: sharing what there is to prepare with. */
  shares?: readonly string[];
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

interface TermSpan {
  period: Period;
  start: number;
  end: number;
}

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

export function prepareDeadlines(
  calendar: Calendar,
  settings: DeadlineInput['settings'],
  today: string,
  timeZone = DEFAULT_TIME_ZONE,
): DeadlineContext | null {
  const year = schoolYearFor(calendar, today);
  if (!year) return null;
  const first = year.terms[0]!;
  const last = year.terms[year.terms.length - 1]!;
  const span = (term: Period['term'], start: string, end: string): TermSpan => ({
    period: { schoolYear: year.label, term, start, end },
    start: dayNumber(start),
    end: dayNumber(end),
  });
  const terms = year.terms.map((t) => span(t.kind, t.start, t.end));
  const todayDay = dayNumber(today);
  return {
    schoolYear: year.label,
    today: todayDay,
    settings,
    timeZone,
    started: todayDay >= dayNumber(first.start),
    year: span(null, first.start, last.end),
    terms,
    startedTerms: terms.filter((t) => t.start <= todayDay),
  };
}

interface LocalMeeting {
  id: string;
  status: DeadlineMeeting['status'];
  agreementCount: number;
  day: number;
}

/** `overdue` past `due`, `due-soon` within the school's window, else `open`. */
function windowState(ctx: DeadlineContext, due: number): DutyState {
  return ctx.today > due ? 'overdue' : due - ctx.today <= ctx.settings.dueSoonDays ? 'due-soon' : 'open';
}

/** The term a day is in, or the läsår for a day in a break. */
function periodOf(ctx: DeadlineContext, day: number): Period {
  for (const t of ctx.terms) if (day >= t.start && day <= t.end) return t.period;
  return ctx.year.period;
}

function duty(
  kind: Duty['kind'],
  period: Period,
  due: string,
  state: DutyState,
  reason: DutyReason,
  meetingId?: string,
): Duty {
  return meetingId === undefined
    ? { kind, period, due, state, reason }
    : { kind, period, due, state, reason, meetingId };
}

const byDay = (a: LocalMeeting, b: LocalMeeting) => a.day - b.day;
const NO_INVITATIONS: readonly DeadlineInvitation[] = [];
const NO_SHARES: readonly string[] = [];

/**
 * Every duty one pupil has in the prepared läsår. Pure; `computeDuties` is the one-call form.
 * Written without per-pupil closures or object spreads: a school overview runs it for every
 * pupil of the school.
 */
export function dutiesFor(
  ctx: DeadlineContext,
  pupil: DeadlinePupil,
  rawMeetings: readonly DeadlineMeeting[],
  iups: readonly DeadlineIup[],
  invitations: readonly DeadlineInvitation[] = NO_INVITATIONS,
  shares: readonly string[] = NO_SHARES,
): Duty[] {
  if (!ctx.started) return [];
  const { today, settings, year } = ctx;
  const meetings: LocalMeeting[] = [];
  for (const m of rawMeetings) {
    if (m.status === 'cancelled') continue;
    const day = localDay(m.startsAt, ctx.timeZone);
    if (day >= year.start && day <= year.end)
      meetings.push({ id: m.id, status: m.status, agreementCount: m.agreementCount, day });
  }
  if (meetings.length > 1) meetings.sort(byDay);
  const duties: Duty[] = [];

  // Rules 1 and 2: a samtal every term (once per läsår in förskoleklass).
  const enrolled = pupil.enrolledAt === null ? null : dayNumber(pupil.enrolledAt);
  for (const span of samtalPerTerm(pupil) ? ctx.startedTerms : [year]) {
    const kind = span.period.term ? 'samtal-term' : 'samtal-läsår';
    const { period } = span;
    if (enrolled !== null && enrolled > span.end) {
      duties.push(duty(kind, period, period.end, 'not-required', 'deadlineSamtalJoinedAfter'));
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
    // Förskoleklass: the school's duty is to invite (skollagen: "ska bjuda in"); an invitation sent
    // in the läsår fulfils it, and a family's no is recorded, not missed.
    let invitation: DeadlineInvitation | undefined;
    if (!samtalPerTerm(pupil))
      for (const inv of invitations) {
        const day = localDay(inv.sentAt, ctx.timeZone);
        if (day >= span.start && day <= Math.min(span.end, today) && (!invitation || inv.declined)) invitation = inv;
      }
    if (held) duties.push(duty(kind, period, period.end, 'done', 'deadlineSamtalHeld', held.id));
    else if (booked) duties.push(duty(kind, period, period.end, 'scheduled', 'deadlineSamtalBooked', booked.id));
    else if (invitation)
      duties.push(
        duty(
          kind,
          period,
          period.end,
          'done',
          invitation.declined ? 'deadlineSamtalDeclined' : 'deadlineSamtalInvited',
        ),
      );
    else if (unconfirmed) {
      // A booked samtal whose day has passed but is not marked held: probably held, but unconfirmed.
      duties.push(
        duty(
          kind,
          period,
          period.end,
          today > span.end ? 'overdue' : 'due-soon',
          'deadlineSamtalMarkHeld',
          unconfirmed.id,
        ),
      );
    } else {
      const state = windowState(ctx, span.end);
      duties.push(
        duty(kind, period, period.end, state, state === 'overdue' ? 'deadlineSamtalMissed' : 'deadlineSamtalMissing'),
      );
    }
  }

  // Rule 3: a written IUP once per läsår for pupils without grades.
  const iup = iupRequired(pupil);
  let doc: DeadlineIup | undefined;
  for (const d of iups)
    if (d.schoolYear === ctx.schoolYear) {
      doc = d;
      break;
    }
  const shared = doc !== undefined && (doc.status === 'shared' || doc.status === 'agreed');
  // Agreed counts only when tied to a held samtal of the läsår: an IUP is written in connection
  // with a samtal, and an "agreed" set without one is not done.
  const agreed = doc?.status === 'agreed' && doc.agreedAtSamtal === true;
  const yearPeriod = year.period;
  if (!iup.required) {
    duties.push(duty('iup-läsår', yearPeriod, yearPeriod.end, 'not-required', iup.reason));
  } else {
    let upcoming: LocalMeeting | undefined;
    for (const m of meetings)
      if (m.status === 'planned' && m.day >= today) {
        upcoming = m;
        break;
      }
    if (agreed) duties.push(duty('iup-läsår', yearPeriod, yearPeriod.end, 'done', 'deadlineIupAgreed'));
    else if (shared && settings.iupDoneWhen === 'shared')
      duties.push(duty('iup-läsår', yearPeriod, yearPeriod.end, 'done', 'deadlineIupShared'));
    else if (upcoming)
      duties.push(
        duty('iup-läsår', yearPeriod, yearPeriod.end, 'scheduled', 'deadlineIupWithBookedSamtal', upcoming.id),
      );
    else {
      const state = windowState(ctx, year.end);
      duties.push(
        duty(
          'iup-läsår',
          yearPeriod,
          yearPeriod.end,
          state,
          doc?.status === 'agreed'
            ? 'deadlineIupAgreedNoSamtal'
            : state === 'overdue'
              ? 'deadlineIupMissed'
              : 'deadlineIupMissing',
        ),
      );
    }
  }

  // Rule 4: pupil and guardians can prepare — what there is to share (the IUP draft, the family
  // link with its preparation) reaches them after the previous samtal and N days before each
  // booked one. Every pupil's samtal is prepared for; for pupils without an IUP duty (graded,
  // förskoleklass) the school decides whether this is a duty.
  if (iup.required || settings.shareBeforeSamtalForGraded !== false) {
    const sharedDays: number[] = [];
    if (doc?.sharedAt) sharedDays.push(localDay(doc.sharedAt, ctx.timeZone));
    for (const s of shares) sharedDays.push(localDay(s, ctx.timeZone));
    for (const m of meetings) {
      if (m.status !== 'planned' || m.day < today) continue;
      const due = m.day - settings.shareDaysBeforeSamtal;
      // What was shared for an earlier samtal does not prepare this one.
      let previous = year.start - 1;
      for (const p of meetings) if (p.day < m.day && p.day > previous) previous = p.day;
      let inTime = false;
      for (const d of sharedDays) if (d > previous && d <= due) inTime = true;
      let state: DutyState;
      let reason: DutyReason;
      if (inTime) {
        state = 'done';
        reason = 'deadlineShareDone';
      } else if (today > due) {
        state = 'overdue';
        reason = 'deadlineShareLate';
      } else {
        state = windowState(ctx, due);
        reason = 'deadlineShareDue';
      }
      duties.push(duty('share-before-samtal', periodOf(ctx, m.day), isoFromDay(due), state, reason, m.id));
    }
  }

  // Rule 5: agreements made at a held samtal are documented — for samtal that count: one held in
  // a break counts for no term (rule 1), so it creates no duty of its own either.
  const perTerm = samtalPerTerm(pupil);
  for (const m of meetings) {
    if (m.status !== 'held' || m.day > today) continue;
    const period = periodOf(ctx, m.day);
    if (perTerm && period.term === null) continue;
    const due = m.day + AGREEMENTS_GRACE_DAYS;
    const documented = m.agreementCount > 0;
    duties.push(
      duty(
        'agreements-documented',
        period,
        isoFromDay(due),
        documented ? 'done' : today > due ? 'overdue' : 'due-soon',
        documented ? 'deadlineAgreementsDone' : 'deadlineAgreementsMissing',
        m.id,
      ),
    );
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
  return {
    schoolYear: ctx.schoolYear,
    duties: dutiesFor(ctx, input.pupil, input.meetings, input.iups, input.invitations, input.shares),
  };
}
