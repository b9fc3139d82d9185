import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../context';
import { pupils } from '../db/schema';

/** The pupil is in a group owned by one of the actor's teams (arbetslag). */
export const inActorsTeams = (actor: Actor): SQL =>
  sql`exists (select 1 from group_members gm join groups g on g.id = gm.group_id
      join team_members tm on tm.team_id = g.team_id
      where gm.pupil_id = ${pupils.id} and tm.teacher_id = ${actor.teacherId})`;

/** The actor is one of the pupil's mentors. */
export const mentoredByActor = (actor: Actor): SQL =>
  sql`exists (select 1 from mentors m where m.pupil_id = ${pupils.id} and m.teacher_id = ${actor.teacherId})`;

/** The pupil belongs to the actor's school: part of every pupil condition. */
export const inActorsSchool = (actor: Actor): SQL => sql`${pupils.schoolId} = ${actor.schoolId}`;

/**
 * The tenancy and relationship filter for pupils, in one place. Everything that reads pupil data
 * (pupils, meetings, IUPs, deadlines, calendar feeds) goes through it or its parts above.
 * - always: the actor's school;
 * - a teacher: pupils in a group owned by one of the teacher's teams, or pupils the teacher mentors;
 * - an admin: the whole school, except that security-marked pupils are left out of lists unless
 *   the admin is one of their teachers (`forList`).
 */
export function pupilVisible(actor: Actor, opts: { forList: boolean }): SQL {
  const related = sql`(${inActorsTeams(actor)} or ${mentoredByActor(actor)})`;
  const school = inActorsSchool(actor);
  if (actor.role !== 'admin') return sql`(${school} and ${related})`;
  if (!opts.forList) return school;
  return sql`(${school} and (${pupils.securityMarked} = 0 or ${related}))`;
}
