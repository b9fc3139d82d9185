import { z } from 'zod';

/** The fields a roster row has; a CSV header maps onto them. */
export const ROSTER_FIELDS = ['externalId', 'firstName', 'lastName', 'className', 'arskurs', 'skolform', 'pronoun'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const RosterImportRequest = z.object({
  format: z.literal('csv'),
  /** The file's bytes, base64: the encoding (UTF-8, with or without BOM, or Windows-1252) is detected here. */
  content: z.base64().max(700_000),
  mapping: z.partialRecord(z.enum(ROSTER_FIELDS), z.string().max(100)).optional(),
  teamId: z.uuid().nullable().default(null),
  dryRun: z.boolean().default(false),
}).strict();
export type RosterImportRequest = z.input<typeof RosterImportRequest>;

export const RowErrorSchema = z.object({ row: z.int(), field: z.string().nullable(), message: z.string() });

export const RosterImportResult = z.object({
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']),
  delimiter: z.string(),
  columns: z.record(z.string(), z.string()),
  rows: z.int(),
  errors: z.array(RowErrorSchema),
  report: z.object({ dryRun: z.boolean(), created: z.int(), updated: z.int(), unchanged: z.int(), classesCreated: z.array(z.string()) }).nullable(),
});
export type RosterImportResult = z.infer<typeof RosterImportResult>;
