import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';

/**
 * Open the embedded libSQL database (Node only). WAL with synchronous=NORMAL: a committed
 * transaction survives a crash of the process (not necessarily of the OS), and writers do not
 * block readers. busy_timeout lets a second process (the admin CLI) wait instead of failing.
 */
export async function openLocalClient(url: string): Promise<Client> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0]!;
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  // One connection: PRAGMAs are per connection, and a pooled second connection would silently
  // run without synchronous=NORMAL and foreign keys. SQLite serialises writers anyway, and the
  // file driver runs synchronously under its promises, so a pool buys little in one process.
  const client = createClient({ url, concurrency: 1, timeout: 5000 });
  if (url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    await client.execute('PRAGMA busy_timeout = 5000');
  }
  await client.execute('PRAGMA foreign_keys = ON');
  return client;
}
