import { parseSs12000, type ParsedSs12000, type Ss12000Files } from '../../shared/roster-import/ss12000';
import type { Actor } from '../context';
import type { Db } from '../db/client';
import { ValidationError } from '../errors';
import { assertMayImportRoster, importRoster, type RosterImportReport } from '../repositories/roster-import';
import { lastPullStart, recordPull } from '../repositories/roster-pulls';
import { getSchool } from '../repositories/schools';
import { hostOf } from '../net/outbound-policy';
import { pullSs12000 } from './ss12000-pull';

export interface Ss12000Outcome {
  rows: number;
  notPupils: number;
  notImported: ParsedSs12000['notImported'];
  errors: ParsedSs12000['errors'];
  /** Null in a dry run with bad rows: the errors are the preview. */
  report: RosterImportReport | null;
}

/**
 * SS 12000 data (from files or a pull) into the school: pupils of its skolenhetskod, classes,
 * staff and mentors, in one transaction. Any bad row refuses a real import whole (400 with every
 * row); a dry run reports the rows instead.
 */
export async function importSs12000(
  db: Db,
  actor: Actor,
  files: Ss12000Files,
  opts: { dryRun: boolean; teamId: string | null },
  at: string,
): Promise<Ss12000Outcome> {
  await assertMayImportRoster(db, actor, opts.teamId);
  const school = await getSchool(db, actor.schoolId);
  const parsed = parseSs12000(files, school.schoolUnitCode);
  const outcome = {
    rows: parsed.rows.length,
    notPupils: parsed.notPupils,
    notImported: parsed.notImported,
    errors: parsed.errors,
  };
  if (parsed.errors.length && !opts.dryRun)
    throw new ValidationError(`The data has ${parsed.errors.length} problem(s); nothing was imported.`, {
      rows: parsed.errors,
    });
  if (parsed.errors.length) return { ...outcome, report: null };
  // Staff only when the data has duties: an export of pupils alone says nothing about staff.
  const staff =
    files.duties !== undefined
      ? { staff: parsed.staff, mentorships: parsed.mentorships, staffSkipped: parsed.staffSkipped }
      : {};
  const report = await importRoster(db, actor, parsed.rows, { ...opts, idField: 'ss12000', ...staff }, at);
  return { ...outcome, report };
}

export interface PullRequest {
  baseUrl: string;
  token: string;
  full: boolean;
  dryRun: boolean;
  teamId: string | null;
  /** The runtime's guarded fetch and the hosts allowed to be private (`SS12000_ALLOWED_HOSTS`). */
  fetch: typeof fetch;
  allowedHosts: readonly string[];
}

/**
 * Pull from the school's SS 12000 API and import. Persons changed since the last real pull from
 * the same source (unless `full`); the pull is recorded only when it imported.
 */
export async function pullAndImportSs12000(
  db: Db,
  actor: Actor,
  req: PullRequest,
  clock: () => Date,
): Promise<Ss12000Outcome & { since: string | null }> {
  // Before the source is contacted: a caller who may not import learns nothing from it.
  await assertMayImportRoster(db, actor, req.teamId);
  const source = req.baseUrl.replace(/\/+$/, '');
  const url = new URL(source);
  if (url.protocol !== 'https:' && !req.allowedHosts.includes(hostOf(url))) {
    throw new ValidationError(
      'Use https for the SS 12000 source (plain http only to a host in SS12000_ALLOWED_HOSTS).',
      { field: 'baseUrl' },
    );
  }
  const since = req.full ? null : await lastPullStart(db, actor, source);
  const startedAt = clock().toISOString();
  const files = await pullSs12000({ baseUrl: source, token: req.token, since, fetch: req.fetch });
  const outcome = await importSs12000(
    db,
    actor,
    files,
    { dryRun: req.dryRun, teamId: req.teamId },
    clock().toISOString(),
  );
  if (outcome.report && !req.dryRun)
    await recordPull(db, actor, { source, since, startedAt, report: { ...outcome.report } });
  return { ...outcome, since };
}
