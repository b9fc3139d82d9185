import { and, eq } from 'drizzle-orm';
import type { Actor } from '../context';
import type { Executor } from '../db/client';
import { teams } from '../db/schema';
import { NotFoundError } from '../errors';

/**
 * A team named in a request must be one of the caller's school and, unless the caller is an
 * admin, one of the caller's own teams; otherwise it does not exist for them (404). Checked
 * before any other work, so a foreign team id never gets as far as a parser, a pull from another
 * system or an empty-but-successful answer.
 */
export async function assertTeamVisible(db: Executor, actor: Actor, teamId: string): Promise<void> {
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.schoolId, actor.schoolId)))
    .limit(1);
  const allowed = team && (actor.role === 'admin' || actor.teamIds.includes(teamId));
  if (!allowed) throw new NotFoundError('Team');
}
