import { ROW_ERROR_CODES } from '../phrases/transfer';
import { z } from 'zod';

/** The fields a roster row has; a CSV header maps onto them. */
export const ROSTER_FIELDS = [
  'externalId',
  'firstName',
  'lastName',
  'className',
  'arskurs',
  'skolform',
  'pronoun',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const RosterImportRequest = z
  .object({
    format: z.literal('csv'),
    /** The file's bytes, base64: the encoding (UTF-8, with or without BOM, or Windows-1252) is detected here. */
    content: z.base64().max(700_000),
    mapping: z.partialRecord(z.enum(ROSTER_FIELDS), z.string().max(100)).optional(),
    teamId: z.uuid().nullable().default(null),
    dryRun: z.boolean().default(false),
  })
  .strict();
export type RosterImportRequest = z.input<typeof RosterImportRequest>;

export const RowErrorSchema = z.object({
  row: z.int(),
  field: z.string().nullable(),
  message: z.string(),
  code: z.enum(ROW_ERROR_CODES).optional(),
  values: z.array(z.string()).optional(),
});

export const RosterImportResult = z.object({
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']),
  delimiter: z.string(),
  columns: z.record(z.string(), z.string()),
  rows: z.int(),
  errors: z.array(RowErrorSchema),
  report: z
    .object({
      dryRun: z.boolean(),
      created: z.int(),
      updated: z.int(),
      unchanged: z.int(),
      classesCreated: z.array(z.string()),
    })
    .nullable(),
});
export type RosterImportResult = z.infer<typeof RosterImportResult>;

/** Why a person in SS 12000 data is not imported as a pupil of this school. */
export const NotPupilReason = z.enum(['no-enrolment', 'cancelled', 'school-form', 'other-unit', 'unit-unknown']);
export type NotPupilReason = z.infer<typeof NotPupilReason>;

/** SS 12000 export files posted to the API, and the pull from a school's SS 12000 API. */
export const Ss12000ImportRequest = z
  .object({
    files: z
      .object({
        organisations: z.unknown().optional(),
        persons: z.unknown(),
        groups: z.unknown().optional(),
        duties: z.unknown().optional(),
        activities: z.unknown().optional(),
      })
      .strict(),
    teamId: z.uuid().nullable().default(null),
    dryRun: z.boolean().default(false),
  })
  .strict();
export const StaffReport = z.object({
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  skipped: z.array(z.object({ externalId: z.string(), reason: z.string() })),
  mentorshipsAdded: z.int(),
});
export const Ss12000Report = z
  .object({
    dryRun: z.boolean(),
    created: z.int(),
    updated: z.int(),
    unchanged: z.int(),
    classesCreated: z.array(z.string()),
    staff: StaffReport.optional(),
  })
  .nullable();
export const NotImported = z.object({ externalId: z.string(), reason: NotPupilReason });
export const Ss12000ImportResult = z.object({
  rows: z.int(),
  notPupils: z.int(),
  notImported: z.array(NotImported),
  errors: z.array(RowErrorSchema),
  report: Ss12000Report,
});

/** https, or plain http to a host the server's settings allow (checked with the settings in the pull). */
export const SourceUrl = z.url({ protocol: /^https?$/ }).max(2000);
export const Ss12000PullRequest = z
  .object({
    baseUrl: SourceUrl,
    token: z.string().min(1).max(8192),
    /** Read every person, not only those changed since the last pull (run now and then: class moves do not always touch a person). */
    full: z.boolean().default(false),
    teamId: z.uuid().nullable().default(null),
    dryRun: z.boolean().default(false),
  })
  .strict();
export const Ss12000PullResult = Ss12000ImportResult.extend({ since: z.string().nullable() });
