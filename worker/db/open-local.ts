import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';

/**
 * Open the embedded libSQL database (Node only). WAL with synchronous=NORMAL: a committed
 * transaction survives a crash of the process (not necessarily of the OS), and writers do not
 * block readers. busy_timeout lets a second process (the admin CLI) wait instead of failing.
 */
export async function openLocalClient(url: string, authToken?: string): Promise<Client> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0]!;
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  // One connection: PRAGMAs are per connection, and a pooled second connection would silently
  // run without synchronous=NORMAL and foreign keys. SQLite serialises writers anyway, and the
  // file driver runs synchronously under its promises, so a pool buys little in one process.
  const client = createClient({ url, authToken, concurrency: 1, timeout: 5000 });
  if (url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA busy_timeout = 5000');
    // Deleted content is overwritten with zeros, so an erased pupil is not left in free pages.
    await client.execute('PRAGMA secure_delete = ON');
    await scrubFreePagesOnce(client);
  }
  await client.execute('PRAGMA foreign_keys = ON');
  return client;
}

/** Bit of `user_version` set once the file has been vacuumed with secure_delete on. */
const SCRUBBED = 1;

/**
 * A database written before secure_delete was on may hold deleted rows in its free pages. One
 * VACUUM rebuilds the file without them; the bit in `user_version` (unused by the migrations)
 * says it is done, so it runs once per file.
 */
async function scrubFreePagesOnce(client: Client): Promise<void> {
  const version = Number((await client.execute('PRAGMA user_version')).rows[0]?.[0] ?? 0);
  if (version & SCRUBBED) return;
  await client.execute('VACUUM');
  await client.execute(`PRAGMA user_version = ${version | SCRUBBED}`);
  await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
}
