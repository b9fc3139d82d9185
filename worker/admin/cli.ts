import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient, type Client } from '@libsql/client';
import { append } from '../../shared/index';
import { NOT_PUPIL_REASONS, type NotPupilReason } from '../../shared/roster-import/ss12000';
import { ConfigError, configFromEnv } from '../config';
import type { Actor } from '../context';
import { createDb, type Db } from '../db/client';
import { BackupError, backupDatabase, restoreDatabase } from '../db/backup';
import { applyMigrations } from '../db/migrate';
import { openLocalClient } from '../db/open-local';
import { seedDemo } from '../repositories/demo-school';
import { ApiError, ValidationError } from '../errors';
import { guardedFetch } from '../net/guarded-fetch-node';
import { createSchool, createTeacher, createTeam, teachersByEmail } from '../repositories/school-setup';
import { reapplyErasures } from '../repositories/pupils';
import { importRoster } from '../repositories/roster-import';
import { findActorByTeacher, issueToken, listTokens, revokeToken } from '../repositories/tokens';
import { decodeRosterBytes } from '../../shared/roster-import/decode';
import { parseRosterCsv } from '../../shared/roster-import/csv';
import { importSs12000, pullAndImportSs12000, type Ss12000Outcome } from '../roster/ss12000-import';
import { UpstreamError } from '../roster/ss12000-pull';

const USAGE = `Usage: npm run admin -- <command> [options]

  migrate                                     apply migrations (DATABASE_URL, LIBSQL_AUTH_TOKEN for remote)
  seed-demo                                   create the demo school if the database has no school
  school create --name N [--code 12345678]    prints the school id
  team create --school ID --name N            prints the team id
  teacher create --school ID --name N --email E [--role teacher|admin] [--team ID] [--lead]
  token create --email E [--school ID] [--label L]   prints a new personal token once
  token list --email E [--school ID]
  token revoke --id TOKEN_ID
  roster import --file F.csv --as ADMIN_EMAIL [--school ID] [--team ID] [--dry-run]
                                              pupils and classes from a CSV export (any size; UTF-8 or Windows-1252)
  roster import-ss12000 --dir D --as ADMIN_EMAIL [--school ID] [--team ID] [--dry-run]
                                              from SS 12000 exports: D/persons.json and, if there,
                                              D/organisations.json, D/groups.json, D/duties.json, D/activities.json
  roster pull-ss12000 --url BASE_URL --as ADMIN_EMAIL [--token-env SS12000_TOKEN] [--full] [--school ID] [--team ID] [--dry-run]
                                              from the school's SS 12000 API; the bearer token is read from the
                                              environment variable (never a command-line argument); persons changed
                                              since the last pull unless --full
  backup --out FILE                           a consistent snapshot of the database file (the server may keep running)
  restore --from FILE --yes                   replace the database's content with a backup's, in one transaction
                                              (the server may keep running); the current state is kept beside it
                                              as pre-restore-<time>.db first

DATABASE_URL defaults to file:./data/iup-stod.db`;

/** The command line itself is wrong: the message and the usage text. */
class UsageError extends Error {}
/** The command was right but the data or the database says no: the message only. */
class DataError extends Error {}

const dataOnRefusal = (err: unknown): never => {
  throw err instanceof BackupError ? new DataError(err.message) : err;
};

/** A repository's refusal (a bad name, an unknown team) in the CLI's words. */
const dataOnApiError = (err: unknown): never => {
  if (err instanceof ApiError) throw new DataError(err.message);
  throw err;
};

function need(values: Record<string, unknown>, key: string): string {
  const v = values[key];
  if (typeof v !== 'string' || !v.trim()) throw new UsageError(`--${key} is required`);
  return v.trim();
}

async function openDb(): Promise<{ db: Db; client: Client; url: string; close: () => void }> {
  const url = process.env.DATABASE_URL ?? 'file:./data/iup-stod.db';
  const client = url.startsWith('file:')
    ? await openLocalClient(url)
    : createClient({ url, authToken: process.env.LIBSQL_AUTH_TOKEN });
  return { db: createDb(client), client, url, close: () => client.close() };
}

/** Backups are of the embedded file; a hosted libSQL database has its own point-in-time restore. */
function localFile(url: string): string {
  if (!url.startsWith('file:'))
    throw new UsageError(
      'backup and restore work on the embedded database file; for a hosted libSQL/Turso database use its own backups',
    );
  return url.slice('file:'.length).split('?')[0]!;
}

async function findTeacher(db: Db, email: string, schoolId?: string) {
  const rows = await teachersByEmail(db, email, schoolId);
  if (rows.length === 0) throw new DataError(`no teacher with email ${email}`);
  if (rows.length > 1) throw new UsageError(`${email} exists in several schools; add --school`);
  return rows[0]!;
}

async function findAdmin(db: Db, email: string, schoolId?: string): Promise<Actor> {
  const admin = await findTeacher(db, email, schoolId);
  const actor = await findActorByTeacher(db, admin.id);
  if (!actor || actor.role !== 'admin') throw new DataError(`${admin.email} is not an admin`);
  return actor;
}

export async function run(argv: string[], out: (line: string) => void = console.log): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      code: { type: 'string' },
      school: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      team: { type: 'string' },
      lead: { type: 'boolean' },
      label: { type: 'string' },
      id: { type: 'string' },
      file: { type: 'string' },
      dir: { type: 'string' },
      as: { type: 'string' },
      'dry-run': { type: 'boolean' },
      url: { type: 'string' },
      'token-env': { type: 'string' },
      full: { type: 'boolean' },
      out: { type: 'string' },
      from: { type: 'string' },
      yes: { type: 'boolean' },
    },
  });
  const command = positionals.join(' ');
  const printRows = (rows: readonly { row: number; field: string | null; message: string }[]) => {
    for (const e of rows) out(`row ${e.row}${e.field ? ` (${e.field})` : ''}: ${e.message}`);
  };
  /** A refused import lists every bad row before it fails. */
  const rowErrorsPrinted = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (err) {
      if (err instanceof UpstreamError) throw new DataError(`the SS 12000 source could not be read: ${err.reason}`);
      const rows =
        err instanceof ValidationError
          ? (err.details as { rows?: { row: number; field: string | null; message: string }[] } | undefined)?.rows
          : undefined;
      if (!rows) return dataOnApiError(err);
      printRows(rows);
      throw new DataError(`${rows.length} problem(s); nothing was imported`);
    }
  };
  const printOutcome = (o: Ss12000Outcome) => {
    printRows(o.errors);
    // Grouped by reason, with the first ids of each: a municipality's export has thousands of others.
    const byReason = new Map<NotPupilReason, string[]>();
    for (const n of o.notImported) append(byReason, n.reason, n.externalId);
    out(`${o.notPupils} persons are not imported as pupils here${byReason.size ? ':' : ''}`);
    for (const [reason, ids] of byReason)
      out(
        `  ${ids.length} ${NOT_PUPIL_REASONS[reason]}: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? `, … and ${ids.length - 10} more` : ''}`,
      );
    const r = o.report;
    // A dry run with problems fails as the real run would, after showing everything it found.
    if (!r) throw new DataError(`dry run: ${o.errors.length} problem(s) to fix first; nothing would be imported`);
    out(
      `${r.dryRun ? 'dry run: would create' : 'created'} ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}; new classes: ${r.classesCreated.join(', ') || 'none'}`,
    );
    if (r.staff) {
      out(
        `staff: created ${r.staff.created}, updated ${r.staff.updated}, unchanged ${r.staff.unchanged}; mentorships added ${r.staff.mentorshipsAdded}`,
      );
      for (const st of r.staff.skipped) out(`staff ${st.externalId} skipped: ${st.reason}`);
    }
  };
  const { db, client, url, close } = await openDb();
  try {
    await applyMigrations(db);
    switch (command) {
      case 'migrate':
        out('migrations applied');
        return;
      case 'seed-demo': {
        const seeded = await seedDemo(db, new Date());
        out(
          seeded
            ? `demo school ${seeded.schoolId}\nteacher token: ${seeded.teacherToken}\nadmin token: ${seeded.adminToken}\nmember token: ${seeded.memberToken}`
            : 'a school exists already; nothing seeded',
        );
        return;
      }
      case 'school create': {
        const code = values.code ?? null;
        if (code !== null && !/^\d{8}$/.test(code)) throw new UsageError('--code is the 8-digit skolenhetskod');
        out(
          await createSchool(
            db,
            { name: need(values, 'name'), schoolUnitCode: code },
            new Date().toISOString().slice(0, 10),
          ).catch(dataOnApiError),
        );
        return;
      }
      case 'team create': {
        out(await createTeam(db, need(values, 'school'), need(values, 'name')).catch(dataOnApiError));
        return;
      }
      case 'teacher create': {
        const role = values.role ?? 'teacher';
        if (role !== 'teacher' && role !== 'admin') throw new UsageError('--role is teacher or admin');
        out(
          await createTeacher(db, {
            schoolId: need(values, 'school'),
            name: need(values, 'name'),
            email: need(values, 'email'),
            role,
            teamId: values.team ?? null,
            lead: values.lead === true,
          }).catch(dataOnApiError),
        );
        return;
      }
      case 'token create': {
        const teacher = await findTeacher(db, need(values, 'email').toLowerCase(), values.school);
        const { token } = await issueToken(db, teacher.id, values.label ?? 'cli');
        out(token);
        return;
      }
      case 'token list': {
        const teacher = await findTeacher(db, need(values, 'email').toLowerCase(), values.school);
        for (const t of await listTokens(db, teacher.id))
          out(
            `${t.id}  ${t.label}  created ${t.createdAt}  last used ${t.lastUsedAt ?? '-'}${t.revokedAt ? `  REVOKED ${t.revokedAt}` : ''}`,
          );
        return;
      }
      case 'token revoke': {
        const ok = await revokeToken(db, need(values, 'id'), new Date().toISOString());
        if (!ok) throw new DataError('no active token with that id');
        out('revoked');
        return;
      }
      case 'roster import': {
        const actor = await findAdmin(db, need(values, 'as'), values.school);
        const { text, encoding } = decodeRosterBytes(new Uint8Array(await readFile(need(values, 'file'))));
        const parsed = parseRosterCsv(text);
        out(`encoding ${encoding}, delimiter "${parsed.delimiter}", columns ${JSON.stringify(parsed.columns)}`);
        printRows(parsed.errors);
        if (parsed.errors.length)
          throw new DataError(
            `${parsed.errors.length} problem(s); nothing ${values['dry-run'] ? 'would be' : 'was'} imported`,
          );
        const report = await rowErrorsPrinted(
          importRoster(
            db,
            actor,
            parsed.rows,
            { dryRun: values['dry-run'] === true, teamId: values.team ?? null },
            new Date().toISOString(),
          ),
        );
        out(
          `${report.dryRun ? 'dry run: would create' : 'created'} ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}; new classes: ${report.classesCreated.join(', ') || 'none'}`,
        );
        break;
      }
      case 'roster import-ss12000': {
        const actor = await findAdmin(db, need(values, 'as'), values.school);
        const dir = need(values, 'dir');
        const read = async (name: string, required: boolean) => {
          try {
            return JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as unknown;
          } catch (err) {
            if (required)
              throw new DataError(
                `cannot read ${join(dir, `${name}.json`)}: ${err instanceof Error ? err.message : String(err)}`,
              );
            return undefined;
          }
        };
        const files = {
          persons: await read('persons', true),
          organisations: await read('organisations', false),
          groups: await read('groups', false),
          duties: await read('duties', false),
          activities: await read('activities', false),
        };
        printOutcome(
          await rowErrorsPrinted(
            importSs12000(
              db,
              actor,
              files,
              { dryRun: values['dry-run'] === true, teamId: values.team ?? null },
              new Date().toISOString(),
            ),
          ),
        );
        break;
      }
      case 'roster pull-ss12000': {
        const actor = await findAdmin(db, need(values, 'as'), values.school);
        const config = configFromEnv(process.env);
        const tokenVar = values['token-env'] ?? 'SS12000_TOKEN';
        const token = process.env[tokenVar];
        if (!token) throw new UsageError(`set the SS 12000 bearer token in the environment variable ${tokenVar}`);
        const outcome = await rowErrorsPrinted(
          pullAndImportSs12000(
            db,
            actor,
            {
              baseUrl: need(values, 'url'),
              token,
              full: values.full === true,
              dryRun: values['dry-run'] === true,
              teamId: values.team ?? null,
              fetch: guardedFetch(config.ss12000AllowedHosts),
              allowedHosts: config.ss12000AllowedHosts,
            },
            () => new Date(),
          ),
        );
        out(outcome.since ? `persons changed since ${outcome.since}` : 'all persons (first or full pull)');
        printOutcome(outcome);
        break;
      }
      case 'backup': {
        localFile(url);
        const b = await backupDatabase(client, need(values, 'out')).catch(dataOnRefusal);
        out(`backup written: ${b.path} (${b.tables} tables, integrity ok)`);
        return;
      }
      case 'restore': {
        const live = localFile(url);
        const from = need(values, 'from');
        if (values.yes !== true)
          throw new UsageError(`restore replaces everything in ${live} with ${from}; add --yes to go ahead`);
        const keep = join(dirname(live), `pre-restore-${new Date().toISOString().replace(/[:.]/g, '-')}.db`);
        const r = await restoreDatabase(client, from, {
          keepCurrentAs: keep,
          prepareStaged: (staged) => reapplyErasures(db, staged),
        }).catch(dataOnRefusal);
        out(`restored ${r.rows} rows in ${r.tables} tables from ${from}; the previous state is in ${r.keptCurrentAs}`);
        if (r.prepared) out(`${r.prepared} pupil(s) erased after the backup was taken were erased again`);
        return;
      }
      default:
        throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
    }
  } finally {
    close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run(process.argv.slice(2)).catch((err: unknown) => {
    if (err instanceof UsageError) console.error(`error: ${err.message}\n\n${USAGE}`);
    else if (err instanceof DataError || err instanceof ConfigError) console.error(`error: ${err.message}`);
    else console.error('error:', err instanceof Error ? err.message : err);
    process.exit(2);
  });
}
