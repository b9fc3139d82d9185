import type { Client } from '@libsql/client';

/**
 * After an erasure, nothing of it may stay on disk. With `secure_delete` on, the erased rows'
 * pages are overwritten with zeros as they are freed — but in WAL mode the old versions of those
 * pages are still in the write-ahead log until it is checkpointed. A TRUNCATE checkpoint copies
 * the log into the database and empties the log file. It can only finish when no other connection
 * is reading an older snapshot, so it is retried briefly.
 *
 * Returns whether the log was emptied; on a remote libSQL server (Turso, sqld) the server manages
 * its own log and this reports false.
 */
export async function scrubAfterErasure(client: Client, attempts = 20): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    let busy: number;
    try {
      const row = (await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')).rows[0];
      busy = Number(row?.[0] ?? 1);
    } catch {
      return false;
    }
    if (busy === 0) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
