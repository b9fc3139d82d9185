import { z } from 'zod';
import { Id, IsoDate, Name } from './common';

export const Skolform = z.enum(['forskoleklass', 'grundskola', 'anpassad-grundskola', 'specialskola', 'sameskola']);
export type Skolform = z.infer<typeof Skolform>;

/** Årskurs range per skolform (förskoleklass is åk 0; specialskolan goes to åk 10). */
export const ARSKURS_RANGE: Record<Skolform, readonly [number, number]> = {
  forskoleklass: [0, 0],
  grundskola: [1, 9],
  'anpassad-grundskola': [1, 9],
  specialskola: [1, 10],
  sameskola: [1, 6],
};

/** Where grades are a per-pupil fact; elsewhere they follow from skolform and årskurs. */
export const GRADES_ARE_PER_PUPIL: ReadonlySet<Skolform> = new Set(['anpassad-grundskola', 'specialskola']);

/** Stored per pupil, never guessed from a name. `none` means: use the name, no pronoun. */
export const Pronoun = z.enum(['none', 'han', 'hon', 'hen']);
export type Pronoun = z.infer<typeof Pronoun>;

export const ExternalIds = z
  .object({
    lms: z.string().min(1).max(200).optional(),
    ss12000: z.string().min(1).max(200).optional(),
  })
  .strict();

const PupilFields = z.object({
  firstName: Name,
  lastName: Name,
  skolform: Skolform,
  arskurs: z.int().min(0).max(10),
  /**
   * Only meaningful in anpassad grundskola and specialskola. Defaults to false there, because a
   * pupil wrongly marked as graded would silently lose the IUP duty.
   */
  getsGrades: z.boolean().default(false),
  pronoun: Pronoun.default('none'),
  groupIds: z.array(Id).max(50).default([]),
  mentorIds: z.array(Id).max(10).default([]),
  externalIds: ExternalIds.default({}),
  /** Sekretessmarkering / skyddad folkbokföring: shown only to the pupil's own teachers. */
  securityMarked: z.boolean().default(false),
  /** First day at this school, when known: terms that ended before it carry no samtal duty here. */
  enrolledAt: IsoDate.nullable().default(null),
});

function checkArskurs(p: { skolform?: Skolform; arskurs?: number }, ctx: z.RefinementCtx) {
  if (p.skolform === undefined || p.arskurs === undefined) return;
  const [min, max] = ARSKURS_RANGE[p.skolform];
  if (p.arskurs < min || p.arskurs > max) {
    ctx.addIssue({ code: 'custom', path: ['arskurs'], message: `årskurs for ${p.skolform} is ${min}–${max}` });
  }
}

export const PupilCreate = PupilFields.strict().superRefine(checkArskurs);
export type PupilCreate = z.input<typeof PupilCreate>;

/** A patch may change skolform and årskurs together; the route re-checks the merged result. */
export const PupilPatch = z
  .object({
    firstName: Name,
    lastName: Name,
    skolform: Skolform,
    arskurs: z.int().min(0).max(10),
    getsGrades: z.boolean(),
    pronoun: Pronoun,
    groupIds: z.array(Id).max(50),
    mentorIds: z.array(Id).max(10),
    externalIds: ExternalIds,
    securityMarked: z.boolean(),
    enrolledAt: IsoDate.nullable(),
  })
  .partial()
  .strict();
export type PupilPatch = z.infer<typeof PupilPatch>;

export const Pupil = PupilFields.extend({
  id: Id,
  getsGrades: z.boolean(),
  pronoun: Pronoun,
  groupIds: z.array(Id),
  mentorIds: z.array(Id),
  externalIds: ExternalIds,
  securityMarked: z.boolean(),
  enrolledAt: IsoDate.nullable(),
  updatedAt: z.string(),
});
export type Pupil = z.infer<typeof Pupil>;

export const PupilQuery = z
  .object({
    groupId: Id.optional(),
    teamId: Id.optional(),
    arskurs: z.coerce.number().int().min(0).max(10).optional(),
    skolform: Skolform.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type PupilQuery = z.infer<typeof PupilQuery>;

/** Check a merged pupil (after a patch) against the skolform's årskurs range. */
export function arskursProblem(p: { skolform: Skolform; arskurs: number }): string | null {
  const [min, max] = ARSKURS_RANGE[p.skolform];
  return p.arskurs < min || p.arskurs > max ? `årskurs for ${p.skolform} is ${min}–${max}` : null;
}
