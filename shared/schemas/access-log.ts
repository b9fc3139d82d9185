import Papa from 'papaparse';
import { z } from 'zod';
import { Id, IsoDate } from './common';

/**
 * Following up access to pupils' data (loggkontroll): who did what to, or read, which pupil's
 * records and when. Never content — the entries name records, not what they say.
 */
export const AccessLogQuery = z
  .object({
    pupilId: Id.optional(),
    staffId: Id.optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    format: z.enum(['json', 'csv']).default('json'),
    limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  })
  .strict()
  .refine((q) => q.pupilId || q.staffId, {
    message: 'name a pupil (pupilId) or a staff member (staffId)',
    path: ['pupilId'],
  });
export type AccessLogQuery = z.infer<typeof AccessLogQuery>;

export const AccessLogEntry = z.object({
  at: z.string(),
  staffId: z.string().nullable(),
  /** Null for the family's share link and for system work. */
  staffName: z.string().nullable(),
  action: z.string(),
  record: z.string(),
  recordId: z.string(),
  pupilId: z.string().nullable(),
  /** Null for an erased pupil, and in a staff member's list for a pupil with a security marking. */
  pupilName: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;

export const AccessLog = z.object({ entries: z.array(AccessLogEntry), truncated: z.boolean() });

const COLUMNS = ['tid', 'personal', 'personal_id', 'handling', 'post', 'post_id', 'elev', 'elev_id'] as const;

/** Semicolon CSV with a BOM, as Swedish Excel opens it. */
export function accessLogToCsv(entries: readonly AccessLogEntry[]): string {
  const data = entries.map((e) => [
    e.at,
    e.staffName ?? '',
    e.staffId ?? '',
    e.action,
    e.record,
    e.recordId,
    e.pupilName ?? '',
    e.pupilId ?? '',
  ]);
  return `\uFEFF${Papa.unparse({ fields: [...COLUMNS], data }, { delimiter: ';', newline: '\r\n' })}\r\n`;
}
