import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';

/** The database answers a trivial query (for the health check). */
export async function databaseAnswers(db: Executor): Promise<void> {
  await db.run(sql`select 1`);
}
