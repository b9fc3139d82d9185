import type { Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema';

/** `$client` is the libSQL client underneath, for the few hot paths that send pre-built SQL. */
export type Db = LibSQLDatabase<typeof schema> & { $client: Client };

/** Wrap any libSQL client (file, remote, web) — the runtime decides which client to pass in. */
export function createDb(client: Client): Db {
  return drizzle(client, { schema });
}

/** A transaction handle; repositories accept either so callers can compose them atomically. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;
