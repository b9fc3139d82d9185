import { createRoute } from '@hono/zod-openapi';
import { decodeRosterBytes } from '../../shared/roster-import/decode';
import { parseRosterCsv } from '../../shared/roster-import/csv';
import type { RosterRow } from '../../shared/roster-import/csv';
import type { Actor, Deps } from '../context';
import { checkedFetch } from '../net/outbound-policy';
import { ForbiddenError, ValidationError } from '../errors';
import { ErrorBody } from '../../shared/schemas/errors';
import { importRoster } from '../repositories/roster-import';
import { importSs12000, pullAndImportSs12000 } from '../roster/ss12000-import';
import {
  RosterImportRequest,
  RosterImportResult,
  Ss12000ImportRequest,
  Ss12000ImportResult,
  Ss12000PullRequest,
  Ss12000PullResult,
} from '../../shared/schemas/roster-import';
import { errors, forbidden, json, router, security } from './openapi-helpers';

const tags = ['roster'];

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

export function rosterRoutes({ db, clock, config, outboundFetch }: Deps) {
  const fetchSource = outboundFetch ?? checkedFetch(config.ss12000AllowedHosts);
  const app = router();
  /** Both formats: any bad row refuses a real import (nothing written); a dry run reports it instead. */
  const runImport = async (
    actor: Actor,
    parsed: { rows: RosterRow[]; errors: { row: number; field: string | null; message: string }[] },
    opts: { dryRun: boolean; teamId: string | null },
  ) => {
    if (parsed.errors.length && !opts.dryRun)
      throw new ValidationError(`The file has ${parsed.errors.length} problem(s); nothing was imported.`, {
        rows: parsed.errors,
      });
    if (parsed.errors.length) return null;
    return importRoster(db, actor, parsed.rows, { ...opts, idField: 'lms' }, clock().toISOString());
  };
  app.openapi(
    createRoute({
      method: 'post',
      path: '/import',
      tags,
      security,
      description:
        'Import pupils and classes from a CSV export (admin). `dryRun` previews: per-row errors, which header became which field, and what would be created or updated. A real import with any bad row is refused (400, every row in `details.rows`) and writes nothing. Upserts by the platform id, so a repeated import changes nothing. Files larger than the request limit: use `npm run admin -- roster import`.',
      request: { body: { content: { 'application/json': { schema: RosterImportRequest } }, required: true } },
      responses: { 200: json(RosterImportResult, 'Preview or import report'), ...errors, ...forbidden },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { text, encoding } = decodeRosterBytes(fromBase64(body.content));
      const parsed = parseRosterCsv(text, body.mapping ?? {});
      const report = await runImport(c.var.actor, parsed, { dryRun: body.dryRun, teamId: body.teamId });
      return c.json(
        {
          encoding,
          delimiter: parsed.delimiter,
          columns: parsed.columns,
          rows: parsed.rows.length,
          errors: parsed.errors,
          report,
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/import-ss12000',
      tags,
      security,
      description:
        "Import pupils and classes from SS 12000 export files (admin): `organisations`, `persons` (with enrolments), `groups` (with memberships), and optionally `duties` and `activities`, each as the API pages them (`{data:[…]}`) or as a list. Pupils of the school's skolenhetskod in FKLASS, GR, GRS, SP or SAM; matched by the SS 12000 person id; classes are the Klass groups. Staff with a Lärare, Förskollärare, Fritidspedagog, Lärarassistent or Rektor duty become teacher accounts (no token); teachers of an activity for a Mentor group become its pupils' mentors. `civicNo` is never stored.",
      request: { body: { content: { 'application/json': { schema: Ss12000ImportRequest } }, required: true } },
      responses: { 200: json(Ss12000ImportResult, 'Preview or import report'), ...errors, ...forbidden },
    }),
    async (c) => {
      const body = c.req.valid('json');
      if (c.var.actor.role !== 'admin') throw new ForbiddenError('Only an admin can import the roster.');
      return c.json(
        await importSs12000(
          db,
          c.var.actor,
          body.files,
          { dryRun: body.dryRun, teamId: body.teamId },
          clock().toISOString(),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/pull-ss12000',
      tags,
      security,
      description:
        "Pull the roster from the school's SS 12000 API (admin): organisations, persons (only those changed since the last pull from the same URL, unless `full`), groups, duties and activities, paged with `pageToken`. Imported as `/import-ss12000` does, in one transaction. The token is used for this pull and never stored. A dry run reads and previews without recording the pull.",
      request: { body: { content: { 'application/json': { schema: Ss12000PullRequest } }, required: true } },
      responses: {
        200: json(Ss12000PullResult, 'Preview or import report'),
        ...errors,
        ...forbidden,
        502: json(ErrorBody, 'The SS 12000 source failed'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      if (c.var.actor.role !== 'admin') throw new ForbiddenError('Only an admin can import the roster.');
      return c.json(
        await pullAndImportSs12000(
          db,
          c.var.actor,
          { ...body, fetch: fetchSource, allowedHosts: config.ss12000AllowedHosts },
          clock,
        ),
        200,
      );
    },
  );
  return app;
}
