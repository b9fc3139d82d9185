import type { IupStatus, MeetingStatus, Skolform, TermKind } from '../schemas/index';

export const DUTY_KINDS = [
  'samtal-term',
  'samtal-läsår',
  'iup-läsår',
  'share-before-samtal',
  'agreements-documented',
] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

/**
 * `open` is a duty that applies and is not yet close to its due date, with nothing booked; the
 * other states are those of shared/README.md. Keeping it apart from `not-required` matters: a wrong
 * "not required" hides a legal duty.
 */
export const DUTY_STATES = ['overdue', 'due-soon', 'open', 'scheduled', 'done', 'not-required'] as const;
export type DutyState = (typeof DUTY_STATES)[number];

/** Message keys (extension `_locales`, sv and en) that explain a state in a teacher's words. */
export const DUTY_REASONS = [
  'deadlineSamtalHeld',
  'deadlineSamtalBooked',
  'deadlineSamtalMarkHeld',
  'deadlineSamtalMissing',
  'deadlineSamtalMissed',
  'deadlineSamtalJoinedAfter',
  'deadlineSamtalInvited',
  'deadlineSamtalDeclined',
  'deadlineIupAgreed',
  'deadlineIupAgreedNoSamtal',
  'deadlineIupShared',
  'deadlineIupWithBookedSamtal',
  'deadlineIupMissing',
  'deadlineIupMissed',
  'deadlineIupNotForForskoleklass',
  'deadlineIupGrades',
  'deadlineShareDone',
  'deadlineShareDue',
  'deadlineShareLate',
  'deadlineAgreementsDone',
  'deadlineAgreementsMissing',
] as const;
export type DutyReason = (typeof DUTY_REASONS)[number];

export interface DeadlinePupil {
  skolform: Skolform;
  arskurs: number;
  getsGrades: boolean;
  enrolledAt: string | null;
}

export interface DeadlineMeeting {
  id: string;
  startsAt: string;
  status: MeetingStatus;
  /** How many agreements were documented; their text is not needed for deadlines. */
  agreementCount: number;
}

/** An invitation to the läsår's samtal (förskoleklass: the invitation is the duty). */
export interface DeadlineInvitation {
  sentAt: string;
  declined: boolean;
}

export interface DeadlineIup {
  schoolYear: string;
  status: IupStatus;
  /** Agreed at a held samtal of its läsår (the API links it when the status is set); false for older data. */
  agreedAtSamtal?: boolean;
  /** When the draft was last shared with pupil and guardians (status set to shared), if it was. */
  sharedAt?: string | null;
}

export interface Period {
  schoolYear: string;
  term: TermKind | null;
  start: string;
  end: string;
}

export interface Duty {
  kind: DutyKind;
  period: Period;
  /** The last day the duty can be met (term/läsår end, or the share-by date). */
  due: string;
  state: DutyState;
  reason: DutyReason;
  /** The samtal the duty is about, where there is one. */
  meetingId?: string;
}
