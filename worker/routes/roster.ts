import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { decodeRosterBytes } from '../../shared/roster-import/decode';
import { parseRosterCsv, ROSTER_FIELDS } from '../../shared/roster-import/csv';
import { parseSs12000 } from '../../shared/roster-import/ss12000';
import { getSchool } from '../repositories/schools';
import type { RosterRow } from '../../shared/roster-import/csv';
import type { Actor, Deps } from '../context';
import { ValidationError } from '../errors';
import { importRoster } from '../repositories/roster-import';
import { errors, forbidden, json, router, security } from './openapi-helpers';

const tags = ['roster'];

const RosterImportRequest = z.object({
  format: z.literal('csv'),
  /** The file's bytes, base64: the encoding (UTF-8, with or without BOM, or Windows-1252) is detected here. */
  content: z.base64().max(700_000),
  mapping: z.partialRecord(z.enum(ROSTER_FIELDS), z.string().max(100)).optional(),
  teamId: z.uuid().nullable().default(null),
  dryRun: z.boolean().default(false),
}).strict();

const RowError = z.object({ row: z.int(), field: z.string().nullable(), message: z.string() });
const RosterImportResult = z.object({
  encoding: z.enum(['utf-8', 'utf-8-bom', 'windows-1252']),
  delimiter: z.string(),
  columns: z.record(z.string(), z.string()),
  rows: z.int(),
  errors: z.array(RowError),
  report: z.object({ dryRun: z.boolean(), created: z.int(), updated: z.int(), unchanged: z.int(), classesCreated: z.array(z.string()) }).nullable(),
});

const Ss12000ImportRequest = z.object({
  files: z.object({ organisations: z.unknown().optional(), persons: z.unknown(), groups: z.unknown().optional() }).strict(),
  teamId: z.uuid().nullable().default(null),
  dryRun: z.boolean().default(false),
}).strict();
const Ss12000ImportResult = z.object({ rows: z.int(), notPupils: z.int(), errors: z.array(RowError), report: RosterImportResult.shape.report });

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export function rosterRoutes({ db, clock }: Deps) {
  const app = router();
  /** Both formats: any bad row refuses a real import (nothing written); a dry run reports it instead. */
  const runImport = async (actor: Actor, parsed: { rows: RosterRow[]; errors: { row: number; field: string | null; message: string }[] }, opts: { dryRun: boolean; teamId: string | null; idField: 'lms' | 'ss12000' }) => {
    if (parsed.errors.length && !opts.dryRun) throw new ValidationError(`The file has ${parsed.errors.length} problem(s); nothing was imported.`, { rows: parsed.errors });
    if (parsed.errors.length) return null;
    return importRoster(db, actor, parsed.rows, opts, clock().toISOString());
  };
  app.openapi(
    createRoute({
      method: 'post', path: '/import', tags, security,
      description: 'Import pupils and classes from a CSV export (admin). `dryRun` previews: per-row errors, which header became which field, and what would be created or updated. A real import with any bad row is refused (400, every row in `details.rows`) and writes nothing. Upserts by the platform id, so a repeated import changes nothing. Files larger than the request limit: use `npm run admin -- roster import`.',
      request: { body: { content: { 'application/json': { schema: RosterImportRequest } }, required: true } },
      responses: { 200: json(RosterImportResult, 'Preview or import report'), ...errors, ...forbidden },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { text, encoding } = decodeRosterBytes(fromBase64(body.content));
      const parsed = parseRosterCsv(text, body.mapping ?? {});
      const report = await runImport(c.var.actor, parsed, { dryRun: body.dryRun, teamId: body.teamId, idField: 'lms' });
      return c.json({ encoding, delimiter: parsed.delimiter, columns: parsed.columns as Record<string, string>, rows: parsed.rows.length, errors: parsed.errors, report }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/import-ss12000', tags, security,
      description: "Import pupils and classes from SS 12000 export files (admin): `organisations`, `persons` (with enrolments) and `groups` (with memberships), each as the API pages them (`{data:[…]}`) or as a list. Pupils of the school's skolenhetskod in FKLASS, GR, GRS, SP or SAM; matched by the SS 12000 person id; classes are the Klass groups. `civicNo` is never stored.",
      request: { body: { content: { 'application/json': { schema: Ss12000ImportRequest } }, required: true } },
      responses: { 200: json(Ss12000ImportResult, 'Preview or import report'), ...errors, ...forbidden },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const school = await getSchool(db, c.var.actor.schoolId);
      const parsed = parseSs12000(body.files, school.schoolUnitCode);
      const report = await runImport(c.var.actor, parsed, { dryRun: body.dryRun, teamId: body.teamId, idField: 'ss12000' });
      return c.json({ rows: parsed.rows.length, notPupils: parsed.notPupils, errors: parsed.errors, report }, 200);
    },
  );
  return app;
}
