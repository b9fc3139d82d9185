import { z } from 'zod';
import { Id, IsoDateTime, Name, SchoolYearLabel } from './common';
import { IupSections, IupStatus } from './iup';
import { Agreement, MeetingStatus } from './meeting';
import { Pronoun, Skolform } from './pupil';

/**
 * The hand-over file: one pupil's IUP history, for the pupil's next school (continuity is one of
 * the IUP's purposes). Versioned and documented; what a receiving IUP-stöd school imports.
 * Contains no personnummer and no ids of the sending school's staff.
 */
export const HANDOVER_FORMAT = 'iup-stod-handover' as const;

export const Handover = z
  .object({
    format: z.literal(HANDOVER_FORMAT),
    version: z.literal(1),
    exportedAt: IsoDateTime,
    fromSchool: z.object({ name: z.string().max(200), schoolUnitCode: z.string().nullable() }),
    pupil: z.object({
      firstName: Name,
      lastName: Name,
      skolform: Skolform,
      arskurs: z.int().min(0).max(10),
      getsGrades: z.boolean(),
      pronoun: Pronoun,
      securityMarked: z.boolean(),
    }),
    iups: z
      .array(
        z.object({
          schoolYear: SchoolYearLabel,
          status: IupStatus,
          /** Every accepted save, oldest first; the last is the current text. */
          revisions: z
            .array(z.object({ version: z.int().min(1), status: IupStatus, sections: IupSections, savedAt: z.string() }))
            .min(1)
            .max(10_000)
            .refine(
              (rs) => rs.every((r, i) => i === 0 || r.version > rs[i - 1]!.version),
              'revision versions must increase',
            ),
        }),
      )
      .max(20)
      .refine((xs) => new Set(xs.map((x) => x.schoolYear)).size === xs.length, 'a läsår appears twice'),
    meetings: z
      .array(z.object({ startsAt: IsoDateTime, status: MeetingStatus, agreements: z.array(Agreement).max(50) }))
      .max(200),
  })
  .strict();
export type Handover = z.infer<typeof Handover>;

export const HandoverImport = z
  .object({
    file: z.unknown(),
    /** Attach to a pupil the school already has (e.g. from its roster import); otherwise a new pupil is created. */
    pupilId: Id.optional(),
  })
  .strict();
