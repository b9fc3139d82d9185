import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, Name, SchoolYearLabel, Text } from './common';

/**
 * Bookable samtal times: a teacher publishes consecutive times for classes or chosen pupils, a
 * family books one through the pupil's family link, or the teacher books directly. A booked time
 * is a meeting (`planned`) like any other, so the deadline rules need nothing new for it.
 */

/** Where the samtal is: a room, or a video link the family opens. */
export const Place = Text(300)
  .transform((s) => s.trim())
  .pipe(z.string().min(1, 'say where the samtal is: a room or a video link'));

/** The language a family asks an interpreter for, as they write it ("arabiska", "Somali"). */
export const InterpreterLanguage = Name.pipe(z.string().max(60));

export const SamtalPublish = z
  .object({
    groupIds: z.array(Id).max(20).default([]),
    pupilIds: z.array(Id).max(500).default([]),
    date: IsoDate,
    firstStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 13:00'),
    lengthMinutes: z.int().min(5).max(240),
    breakMinutes: z.int().min(0).max(120).default(0),
    count: z.int().min(1).max(60),
    place: Place,
    interpreterAvailable: z.boolean().default(false),
  })
  .strict()
  .refine((p) => p.groupIds.length + p.pupilIds.length > 0, {
    message: 'choose at least one class or pupil the times are for',
    path: ['groupIds'],
  });
export type SamtalPublish = z.input<typeof SamtalPublish>;

export const SamtalBooking = z.object({
  meetingId: Id,
  pupilId: Id,
  firstName: z.string(),
  lastName: z.string(),
  bookedBy: z.enum(['teacher', 'family']),
  interpreterLanguage: z.string().nullable(),
});
export type SamtalBooking = z.infer<typeof SamtalBooking>;

export const SamtalTime = z.object({
  id: Id,
  startsAt: z.string(),
  durationMinutes: z.int(),
  place: z.string(),
  interpreterAvailable: z.boolean(),
  publishedBy: Id,
  /** The classes and pupils the time is offered to. */
  groupIds: z.array(Id),
  pupilIds: z.array(Id),
  /** Null while free; a pupil the teacher may not see is shown without a name. */
  booking: SamtalBooking.nullable(),
});
export type SamtalTime = z.infer<typeof SamtalTime>;

export const SamtalTimeQuery = z.object({
  groupId: Id.optional(),
  pupilId: Id.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});

export const SamtalTimePatch = z
  .object({
    startsAt: IsoDateTime,
    durationMinutes: z.int().min(5).max(240),
    place: Place,
    interpreterAvailable: z.boolean(),
  })
  .partial()
  .strict();
export type SamtalTimePatch = z.input<typeof SamtalTimePatch>;

/** A teacher books for a pupil: a published free time, or a time agreed by phone. */
export const TeacherBooking = z.union([
  z.object({ pupilId: Id, timeId: Id }).strict(),
  z
    .object({
      pupilId: Id,
      startsAt: IsoDateTime,
      durationMinutes: z.int().min(5).max(240).default(30),
      place: Place,
    })
    .strict(),
]);
export type TeacherBooking = z.input<typeof TeacherBooking>;

export const BookingMove = z.object({ timeId: Id }).strict();

export const InvitationMethod = z.enum(['link', 'letter', 'other']);
export type InvitationMethod = z.infer<typeof InvitationMethod>;

export const InvitationCreate = z
  .object({
    pupilIds: z.array(Id).min(1).max(500),
    method: InvitationMethod,
    /** When it was sent; now if left out. */
    sentAt: IsoDateTime.optional(),
  })
  .strict();
export type InvitationCreate = z.input<typeof InvitationCreate>;

export const Invitation = z.object({
  id: Id,
  pupilId: Id,
  schoolYear: SchoolYearLabel,
  sentAt: z.string(),
  method: InvitationMethod,
  declinedAt: z.string().nullable(),
  createdBy: Id,
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationPatch = z.object({ declined: z.boolean() }).strict();

/** Where one pupil of a class stands for this term's samtal: held, booked, invited (or declined), or not invited. */
export const ClassPupilState = z.enum(['held', 'booked', 'invited', 'declined', 'not-invited']);
export type ClassPupilState = z.infer<typeof ClassPupilState>;

export const ClassView = z.object({
  group: z.object({ id: Id, name: z.string() }),
  /** The span bookings are counted in: the current term, or from today when the calendar has none. */
  from: z.string(),
  to: z.string().nullable(),
  freeTimes: z.int(),
  pupils: z.array(
    z.object({
      id: Id,
      firstName: z.string(),
      lastName: z.string(),
      state: ClassPupilState,
      booking: z
        .object({
          meetingId: Id,
          startsAt: z.string(),
          durationMinutes: z.int(),
          place: z.string().nullable(),
          interpreterLanguage: z.string().nullable(),
        })
        .nullable(),
      invitation: Invitation.nullable(),
    }),
  ),
});
export type ClassView = z.infer<typeof ClassView>;

export const SamtalClasses = z.object({
  classes: z.array(z.object({ id: Id, name: z.string(), pupils: z.int() })),
});

export const LettersRequest = z
  .object({
    pupilIds: z.array(Id).min(1).max(200),
    /** How long the family links in the letters stay open. */
    days: z.int().min(1).max(90).default(60),
  })
  .strict();
export type LettersRequest = z.input<typeof LettersRequest>;

/** What an invitation letter prints for one pupil; the link path carries a new family link's token. */
export const Letter = z.object({
  pupilId: Id,
  firstName: z.string(),
  lastName: z.string(),
  linkPath: z.string(),
  expiresAt: z.string(),
  booking: z.object({ startsAt: z.string(), durationMinutes: z.int(), place: z.string().nullable() }).nullable(),
  freeTimes: z.array(z.object({ startsAt: z.string(), durationMinutes: z.int(), place: z.string() })),
});
export const Letters = z.object({ schoolName: z.string(), letters: z.array(Letter) });
export type Letters = z.infer<typeof Letters>;
