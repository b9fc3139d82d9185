import { z } from 'zod';
import { Subject } from './subjects';
import { CHILD_FRIENDLY_PREPARATION, PreparationSettings, STANDARD_PREPARATION } from './preparation';
import { IsoDate, Name, SchoolYearLabel } from './common';
import { IupTemplate } from './template';

export const TermKind = z.enum(['ht', 'vt']);
export type TermKind = z.infer<typeof TermKind>;

export const Term = z
  .object({ kind: TermKind, start: IsoDate, end: IsoDate })
  .refine((t) => t.start <= t.end, { message: 'a term must end on or after its start', path: ['end'] });
export type Term = z.infer<typeof Term>;

/** One läsår with its terms. Dates are set per huvudman, so they are data, not constants. */
export const SchoolYear = z
  .object({ label: SchoolYearLabel, terms: z.array(Term).min(1).max(4) })
  .superRefine((year, ctx) => {
    for (let i = 1; i < year.terms.length; i++) {
      if (year.terms[i - 1]!.end >= year.terms[i]!.start) {
        ctx.addIssue({ code: 'custom', message: 'terms must be in order and must not overlap', path: ['terms', i] });
      }
    }
  });
export type SchoolYear = z.infer<typeof SchoolYear>;

export const Calendar = z.object({ schoolYears: z.array(SchoolYear).max(50) }).superRefine((cal, ctx) => {
  const labels = new Set<string>();
  cal.schoolYears.forEach((y, i) => {
    if (labels.has(y.label))
      ctx.addIssue({ code: 'custom', message: `läsår ${y.label} is listed twice`, path: ['schoolYears', i] });
    labels.add(y.label);
  });
});
export type Calendar = z.infer<typeof Calendar>;

/**
 * A per-site rule an admin publishes: on pages whose URL matches `urlPattern` (a regular
 * expression), the text or `attribute` of the elements matching `selector` names the pupil, by
 * the LMS's external id or by full name.
 */
export const PupilDetectionRule = z
  .object({
    urlPattern: z
      .string()
      .min(1)
      .max(300)
      .refine((p) => {
        try {
          new RegExp(p);
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression'),
    selector: z.string().min(1).max(300),
    attribute: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/)
      .max(60)
      .nullable()
      .default(null),
    match: z.enum(['externalId', 'name']),
  })
  .strict();
export type PupilDetectionRule = z.infer<typeof PupilDetectionRule>;

export const IupDoneWhen = z.enum(['agreed', 'shared']);

export const SchoolSettings = z.object({
  /** Days before a samtal the omdömen/IUP draft should be shared with pupil and guardians. */
  shareDaysBeforeSamtal: z.int().min(0).max(60).default(7),
  /** How close to a term's or läsår's end a missing duty becomes "due soon". */
  dueSoonDays: z.int().min(1).max(120).default(21),
  /** Whether an IUP counts as done once shared, or only once agreed at the samtal. */
  iupDoneWhen: IupDoneWhen.default('agreed'),
  /**
   * Whether pupils without an IUP duty (graded pupils, förskoleklass) also get the "share before the
   * samtal" duty: the family link with what there is to prepare with, N days before.
   */
  shareBeforeSamtalForGraded: z.boolean().default(true),
  /** Subjects that must have an omdöme before an IUP can be agreed; none listed: at least one omdöme. */
  requiredSubjects: z.array(Subject).max(40).default([]),
  /** The questions pupil and guardians answer before the samtal, standard and child-friendly. */
  preparation: PreparationSettings.default({
    standard: STANDARD_PREPARATION,
    childFriendly: CHILD_FRIENDLY_PREPARATION,
  }),
  /** Hours before a samtal after which a family can no longer book, rebook or cancel it through the link. */
  bookingCutoffHours: z.int().min(0).max(336).default(24),
  /** LMS origins the school publishes; the extension offers to enable itself on them. */
  lmsOrigins: z
    .array(z.url({ protocol: /^https?$/ }).max(300))
    .max(50)
    .default([]),
  /** How the extension finds the pupil a LMS page is about; tried in order. */
  pupilDetection: z.array(PupilDetectionRule).max(50).default([]),
});
export type SchoolSettings = z.infer<typeof SchoolSettings>;
export const defaultSchoolSettings = (): SchoolSettings => SchoolSettings.parse({});

export const School = z.object({
  id: z.string(),
  name: Name,
  schoolUnitCode: z
    .string()
    .regex(/^\d{8}$/, 'skolenhetskod has 8 digits')
    .nullable(),
  calendar: Calendar,
  settings: SchoolSettings,
  template: IupTemplate,
});
export type School = z.infer<typeof School>;

/**
 * A settings patch names only the settings it changes, each as its setting's schema without the
 * default (a default inside a patch would silently reset what the patch did not name) or `null`
 * to go back to the default. Unknown settings are refused by name.
 */
type SettingsPatchShape = {
  [K in keyof typeof SchoolSettings.shape]: z.ZodOptional<
    z.ZodNullable<ReturnType<(typeof SchoolSettings.shape)[K]['unwrap']>>
  >;
};
const settingsPatchShape = Object.fromEntries(
  Object.entries(SchoolSettings.shape).map(([key, field]) => [key, field.unwrap().nullable().optional()]),
) as SettingsPatchShape;
export const SchoolSettingsFieldsPatch = z.object(settingsPatchShape).strict();

/**
 * `PATCH /v1/school` as a JSON Merge Patch (RFC 7396): settings change per key; name, code,
 * calendar and template are replaced whole when given.
 */
export const SchoolSettingsPatch = z
  .object({
    name: Name,
    schoolUnitCode: School.shape.schoolUnitCode,
    calendar: Calendar,
    settings: SchoolSettingsFieldsPatch,
    template: IupTemplate,
  })
  .partial()
  .strict();
export type SchoolSettingsPatch = z.infer<typeof SchoolSettingsPatch>;
