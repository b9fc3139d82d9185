import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { groups } from '../../db/schema';
import { NotFoundError } from '../../errors';

/**
 * Classes a teacher may plan samtal for: groups owned by one of her teams, or with a pupil she
 * mentors; an admin, every group of the school. Another school's group is "not found".
 */
export function groupVisible(actor: Actor): ReturnType<typeof sql> {
  if (actor.role === 'admin') return sql`${groups.schoolId} = ${actor.schoolId}`;
  return sql`(${groups.schoolId} = ${actor.schoolId} and (
    ${groups.teamId} in (select tm.team_id from team_members tm where tm.teacher_id = ${actor.teacherId})
    or exists (select 1 from group_members gm join mentors m on m.pupil_id = gm.pupil_id
      where gm.group_id = ${groups.id} and m.teacher_id = ${actor.teacherId})))`;
}

export async function assertGroupsVisible(db: Executor, actor: Actor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const found = await db
    .select({ id: groups.id })
    .from(groups)
    .where(and(inArray(groups.id, unique), groupVisible(actor)));
  if (found.length !== unique.length) throw new NotFoundError('Class');
}

export async function visibleGroup(db: Executor, actor: Actor, id: string): Promise<{ id: string; name: string }> {
  const [row] = await db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.id, id), groupVisible(actor)))
    .limit(1);
  if (!row) throw new NotFoundError('Class');
  return row;
}
