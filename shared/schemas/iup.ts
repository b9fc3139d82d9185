import { z } from 'zod';
import { Id, SchoolYearLabel, Text } from './common';
import { Subject } from './subjects';
import { ScaleValue } from './template';

export const IupStatus = z.enum(['draft', 'ready', 'shared', 'agreed']);
export type IupStatus = z.infer<typeof IupStatus>;

export const Omdome = z.object({ subject: Subject, text: Text(), scale: ScaleValue.nullable().default(null) }).strict();
export type Omdome = z.infer<typeof Omdome>;

/** The written plan: skriftliga omdömen plus framåtsyftande planering and the pupil's voice. */
export const IupSections = z
  .object({
    omdomen: z.array(Omdome).max(40).default([]),
    social: Text().nullable().default(null),
    planning: z
      .object({ school: Text().default(''), pupil: Text().default(''), guardians: Text().default('') })
      .strict()
      .default({ school: '', pupil: '', guardians: '' }),
    pupilVoice: Text().default(''),
    /** What each party agreed at the utvecklingssamtal. */
    agreements: z
      .object({ school: Text().default(''), pupil: Text().default(''), guardians: Text().default('') })
      .strict()
      .default({ school: '', pupil: '', guardians: '' }),
  })
  .strict()
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.omdomen.forEach((o, i) => {
      if (seen.has(o.subject))
        ctx.addIssue({
          code: 'custom',
          path: ['omdomen', i, 'subject'],
          message: `subject ${o.subject} appears twice`,
        });
      seen.add(o.subject);
    });
  });
export type IupSections = z.infer<typeof IupSections>;
export const emptySections = (): IupSections => IupSections.parse({});

export const IupCreate = z
  .object({ pupilId: Id, schoolYear: SchoolYearLabel, sections: IupSections.default(emptySections()) })
  .strict();
export type IupCreate = z.input<typeof IupCreate>;

/** An autosave. `version` is the version the writer started from (or use If-Match). */
export const IupUpdate = z
  .object({ version: z.int().min(1).optional(), sections: IupSections.optional(), status: IupStatus.optional() })
  .strict()
  .refine((u) => u.sections !== undefined || u.status !== undefined, 'nothing to update: give sections or status');
export type IupUpdate = z.infer<typeof IupUpdate>;

export const IupDocument = z.object({
  id: Id,
  pupilId: Id,
  schoolYear: SchoolYearLabel,
  status: IupStatus,
  sections: IupSections,
  version: z.int(),
  authorId: Id,
  statusChangedBy: Id.nullable(),
  statusChangedAt: z.string().nullable(),
  /** When the status was last set to shared. */
  sharedAt: z.string().nullable(),
  /** The held samtal the IUP was agreed at. */
  agreedMeetingId: Id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IupDocument = z.infer<typeof IupDocument>;

export const IupRevision = z.object({
  id: Id,
  documentId: Id,
  version: z.int(),
  status: IupStatus,
  sections: IupSections,
  authorId: Id,
  /** The author's name (the API joins it; absent from versions cached before it did). */
  authorName: z.string().nullable().optional(),
  restoredFromVersion: z.int().nullable(),
  createdAt: z.string(),
});
export type IupRevision = z.infer<typeof IupRevision>;

export const IupQuery = z.object({ pupilId: Id, schoolYear: SchoolYearLabel });

/** A refused "agreed": every part the IUP still lacks (see `iup/agreed-requirements.ts`). */
export const AgreedMissing = z.object({
  missing: z.array(
    z.discriminatedUnion('part', [
      z.object({ part: z.literal('omdome'), subject: z.string() }),
      z.object({ part: z.literal('any-omdome') }),
      z.object({ part: z.literal('planning'), party: z.enum(['school', 'pupil', 'guardians']) }),
      z.object({ part: z.literal('held-samtal') }),
    ]),
  ),
});
export type AgreedMissing = z.infer<typeof AgreedMissing>;
