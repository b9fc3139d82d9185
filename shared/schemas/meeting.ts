import { z } from 'zod';
import { Id, IsoDateTime, Text } from './common';
import { Place } from './samtal';

export const MeetingStatus = z.enum(['planned', 'held', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** Who took on an agreement made at the samtal. */
export const Party = z.enum(['school', 'pupil', 'guardians']);
export type Party = z.infer<typeof Party>;

export const Agreement = z.object({ party: Party, text: Text(2000).min(1) }).strict();
export type Agreement = z.infer<typeof Agreement>;

/** Who took part in the samtal: it is between the pupil, the guardians and the teacher. */
export const Participants = z
  .object({
    pupil: z.boolean(),
    /** How many guardians took part (names are not needed to know that the family was there). */
    guardians: z.int().min(0).max(6),
    /** The interpreter's language, when one took part. */
    interpreterLanguage: Text(60).nullable().default(null),
    /** Others who took part, by role ("speciallärare", "kurator"). */
    others: Text(300).default(''),
  })
  .strict();
export type Participants = z.infer<typeof Participants>;

/** How one agreement of the previous samtal went: every samtal starts from the one before. */
export const FollowUp = z
  .object({
    party: Party,
    text: Text(2000).min(1),
    outcome: z.enum(['done', 'partly', 'not']),
    note: Text(1000).default(''),
  })
  .strict();
export type FollowUp = z.infer<typeof FollowUp>;

const MeetingFields = z.object({
  pupilId: Id,
  startsAt: IsoDateTime,
  durationMinutes: z.int().min(5).max(480).default(30),
  status: MeetingStatus.default('planned'),
  agreements: z.array(Agreement).max(50).default([]),
  place: Place.optional(),
});

export const MeetingCreate = MeetingFields.strict();
export type MeetingCreate = z.input<typeof MeetingCreate>;

export const MeetingPatch = z
  .object({
    startsAt: IsoDateTime,
    durationMinutes: z.int().min(5).max(480),
    status: MeetingStatus,
    agreements: z.array(Agreement).max(50),
    place: Place,
    participants: Participants,
    followUp: z.array(FollowUp).max(50),
  })
  .partial()
  .strict();
export type MeetingPatch = z.infer<typeof MeetingPatch>;

export const Meeting = MeetingFields.extend({
  id: Id,
  durationMinutes: z.int(),
  status: MeetingStatus,
  agreements: z.array(Agreement),
  place: z.string().nullable(),
  /** The published time it was booked in, if any. */
  timeId: Id.nullable(),
  /** Who booked: the teacher, or the family through the pupil's link. */
  bookedBy: z.enum(['teacher', 'family']),
  /** The language the family asked an interpreter for, when they asked. */
  interpreterLanguage: z.string().nullable(),
  participants: Participants.nullable(),
  followUp: z.array(FollowUp),
  heldAt: z.string().nullable(),
  heldBy: Id.nullable(),
  createdBy: Id,
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingQuery = z.object({
  pupilId: Id.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  status: MeetingStatus.optional(),
});
