import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { createDb, type Db } from './client';
import { applyMigrations } from './migrate';
import { scrubAfterErasure } from './scrub';

/** Raised for a backup or restore that was refused before anything changed. */
export class BackupError extends Error {}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function integrityOk(client: Client): Promise<string> {
  const rows = (await client.execute('PRAGMA integrity_check')).rows;
  return rows.map((r) => r[0] as string).join('; ');
}

/**
 * A consistent snapshot of the live database with `VACUUM INTO`: it reads inside one transaction,
 * so a running server keeps serving (WAL lets it write meanwhile) and the copy is one point in
 * time. Written under a temporary name, checked, then renamed — a crash never leaves a file that
 * looks like a finished backup.
 */
export async function backupDatabase(client: Client, outPath: string): Promise<{ path: string; tables: number }> {
  const path = resolve(outPath);
  if (existsSync(path)) throw new BackupError(`${path} exists already; choose a new file name`);
  const partial = join(dirname(path), `.${Date.now()}-${Math.random().toString(36).slice(2)}.partial`);
  try {
    await client.execute(`VACUUM INTO ${sqlString(partial)}`);
    // A plain connection, not openLocalClient: the snapshot stays one self-contained file, not WAL.
    const copy = createClient({ url: `file:${partial}` });
    let check: string;
    let tables: number;
    try {
      check = await integrityOk(copy);
      tables = Number((await copy.execute("select count(*) as n from sqlite_master where type = 'table'")).rows[0]!.n);
    } finally {
      copy.close();
    }
    if (check !== 'ok') throw new BackupError(`the snapshot failed its integrity check: ${check}`);
    renameSync(partial, path);
    return { path, tables };
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Replace the live database's content with a backup's, while a server may be running on it. The
 * backup is first copied and migrated to this version's schema (a backup from a newer version is
 * refused), then every table is emptied and refilled inside one write transaction: the server sees
 * the old data or the restored data, never a mixture, and a failed restore changes nothing.
 * Foreign keys are checked at commit. A copy of the current state is kept first so a restore of
 * the wrong file can itself be undone.
 */
export async function restoreDatabase(
  client: Client,
  fromPath: string,
  options: {
    keepCurrentAs: string;
    /** Work on the staged copy before it goes live (erasures made after the backup); answers a count to report. */
    prepareStaged?: (staged: Db) => Promise<number>;
  },
): Promise<{ tables: number; rows: number; keptCurrentAs: string; prepared: number }> {
  const from = resolve(fromPath);
  if (!existsSync(from)) throw new BackupError(`no backup at ${from}`);
  const staging = join(dirname(resolve(options.keepCurrentAs)), `.restore-${Date.now()}.db`);
  copyFileSync(from, staging);
  let prepared: number;
  try {
    const backup = createClient({ url: `file:${staging}` });
    try {
      const check = await integrityOk(backup);
      if (check !== 'ok') throw new BackupError(`the backup failed its integrity check: ${check}`);
      const known = await appliedMigrations(client);
      const inBackup = await appliedMigrations(backup);
      if (inBackup.some((h) => !known.includes(h)))
        throw new BackupError('the backup comes from a newer version of IUP-stöd; update first');
      const staged = createDb(backup);
      await applyMigrations(staged);
      prepared = (await options.prepareStaged?.(staged)) ?? 0;
    } finally {
      backup.close();
    }

    const kept = await backupDatabase(client, options.keepCurrentAs);
    const maxDutiesVersion = Number(
      (await client.execute('select coalesce(max(duties_version), 0) from schools')).rows[0]?.[0] ?? 0,
    );
    const tables = (
      await client.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
    ).rows.map((r) => r.name as string);
    await client.execute(`ATTACH DATABASE ${sqlString(staging)} AS restore_source`);
    let rows = 0;
    try {
      const tx = await client.transaction('write');
      try {
        await tx.execute('PRAGMA defer_foreign_keys = ON');
        for (const t of tables) await tx.execute(`DELETE FROM main."${t}"`);
        for (const t of tables) {
          const cols = (await tx.execute(`PRAGMA main.table_info("${t}")`)).rows
            .map((r) => `"${r.name as string}"`)
            .join(', ');
          const res = await tx.execute(`INSERT INTO main."${t}" (${cols}) SELECT ${cols} FROM restore_source."${t}"`);
          rows += res.rowsAffected;
        }
        const broken = (await tx.execute('PRAGMA main.foreign_key_check')).rows.length;
        if (broken)
          throw new BackupError(`the backup has ${broken} rows that point at missing rows; nothing was restored`);
        // Deadline reports are cached by clients under the school's duties version: after a
        // restore it must be newer than any version they hold, or they would keep the old report.
        await tx.execute({
          sql: 'update main.schools set duties_version = max(duties_version, ?) + 1',
          args: [maxDutiesVersion],
        });
        await tx.commit();
      } finally {
        tx.close();
      }
    } finally {
      await client.execute('DETACH DATABASE restore_source');
    }
    await scrubAfterErasure(client);
    return { tables: tables.length, rows, keptCurrentAs: kept.path, prepared };
  } finally {
    rmSync(staging, { force: true });
  }
}

async function appliedMigrations(client: Client): Promise<string[]> {
  const exists =
    (await client.execute("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")).rows
      .length > 0;
  if (!exists) return [];
  return (await client.execute('select hash from __drizzle_migrations')).rows.map((r) => r.hash as string);
}
