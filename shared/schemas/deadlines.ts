import { z } from 'zod';
import { DUTY_KINDS, DUTY_REASONS, DUTY_STATES } from '../deadlines/types';
import { Id, IsoDate } from './common';

export const DutyStateSchema = z.enum(DUTY_STATES);
export const DutySchema = z.object({
  kind: z.enum(DUTY_KINDS),
  period: z.object({ schoolYear: z.string(), term: z.enum(['ht', 'vt']).nullable(), start: IsoDate, end: IsoDate }),
  due: IsoDate,
  state: DutyStateSchema,
  reason: z.enum(DUTY_REASONS),
  meetingId: Id.optional(),
});

export const StateCountsSchema = z.object(
  Object.fromEntries(DUTY_STATES.map((s) => [s, z.int()])) as Record<(typeof DUTY_STATES)[number], z.ZodInt>,
);

export const DeadlineScope = z.enum(['me', 'team', 'school']);
export const DeadlineQuery = z
  .object({
    /** me: pupils you mentor; team: pupils of your arbetslag; school: everyone (admin). */
    scope: DeadlineScope.default('team'),
    date: IsoDate.optional(),
    /**
     * summary: counts overall and per group only (badge, overview); full: every pupil's duties too.
     * Default: summary for the school (a school's full list is megabytes), full otherwise.
     */
    view: z.enum(['full', 'summary']).optional(),
    /** The full view lists pupils a page at a time (in name order); the counts always cover everyone. */
    limit: z.coerce.number().int().min(1).max(2000).default(1000),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const DeadlineReport = z.object({
  date: IsoDate,
  schoolYear: z.string().nullable(),
  /** True when the school's calendar has no entry for this läsår: nothing can be computed. */
  calendarMissing: z.boolean(),
  summary: StateCountsSchema,
  groups: z.array(z.object({ id: Id, name: z.string(), summary: StateCountsSchema, pupilIds: z.array(Id) })),
  pupils: z.array(
    z.object({
      id: Id,
      firstName: z.string(),
      lastName: z.string(),
      groupIds: z.array(Id),
      worst: DutyStateSchema.nullable(),
      duties: z.array(DutySchema),
    }),
  ),
  /** In the full view: which pupils of how many this answer lists. */
  page: z.object({ offset: z.int(), limit: z.int(), total: z.int() }).optional(),
});
export type DeadlineReport = z.infer<typeof DeadlineReport>;
