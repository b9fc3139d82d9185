import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../context';
import type { Executor } from '../db/client';
import { rosterPulls } from '../db/schema';

/** When the last real pull from this source started: the next one asks for changes since then. */
export async function lastPullStart(db: Executor, actor: Actor, source: string): Promise<string | null> {
  const [row] = await db
    .select({ startedAt: rosterPulls.startedAt })
    .from(rosterPulls)
    .where(and(eq(rosterPulls.schoolId, actor.schoolId), eq(rosterPulls.source, source)))
    .orderBy(desc(rosterPulls.startedAt))
    .limit(1);
  return row?.startedAt ?? null;
}

export async function recordPull(
  db: Executor,
  actor: Actor,
  pull: { source: string; since: string | null; startedAt: string; report: Record<string, unknown> },
) {
  await db
    .insert(rosterPulls)
    .values({ id: crypto.randomUUID(), schoolId: actor.schoolId, actorId: actor.teacherId, ...pull });
}
