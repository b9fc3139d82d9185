import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../context';
import { pupils } from '../db/schema';

/**
 * Who sees which pupils, in one place. Everything that reads pupil data (pupils, meetings, IUPs,
 * deadlines, calendar feeds) goes through these.
 * - always: the actor's school;
 * - a teacher: pupils in a group owned by one of the teacher's teams, or pupils the teacher mentors;
 * - an admin: the whole school, except that security-marked pupils are left out of lists unless
 *   the admin is one of their teachers (`forList`).
 *
 * Two shapes of the same rule, because cost must follow what the teacher sees:
 * - for one named pupil (`forList: false`), correlated EXISTS checks: a few index probes;
 * - for lists, the set of the teacher's pupils built from her own rows (her mentees, her teams'
 *   groups — all reached through indexes on the teacher), which SQLite then looks up by primary
 *   key. Walking the school's pupils and checking each would cost O(school) per request; a test
 *   (`visibility-plans.test.ts`) fails on any plan that does.
 */

/** The ids of the pupils the teacher mentors. */
export const mentoredPupilIds = (actor: Actor): SQL =>
  sql`(select m.pupil_id from mentors m where m.teacher_id = ${actor.teacherId})`;

/** The ids of the pupils in groups owned by the teacher's teams (arbetslag). */
export const teamPupilIds = (actor: Actor): SQL =>
  sql`(select gm.pupil_id from team_members tm join groups g on g.team_id = tm.team_id join group_members gm on gm.group_id = g.id where tm.teacher_id = ${actor.teacherId})`;

/** Both of the above: every pupil the teacher is related to. */
export const relatedPupilIds = (actor: Actor): SQL =>
  sql`(select m.pupil_id from mentors m where m.teacher_id = ${actor.teacherId}
    union select gm.pupil_id from team_members tm join groups g on g.team_id = tm.team_id join group_members gm on gm.group_id = g.id where tm.teacher_id = ${actor.teacherId})`;

/** The pupil is in a group owned by one of the actor's teams. */
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
 * Pupils whose id is in `ids` (a subquery), of the actor's school. The unary plus keeps SQLite
 * from walking the school's index instead of looking the few ids up.
 */
export const pupilsIn = (actor: Actor, ids: SQL): SQL =>
  sql`(${pupils.id} in ${ids} and +${pupils.schoolId} = ${actor.schoolId})`;

/**
 * "This row is of the actor's school" for a table reached through the pupils: a teacher's rows are
 * found by pupil id, so the school column is only checked (unary plus: no index walk); an admin's
 * list is the school, found by its index.
 */
export const ofActorsSchool = (actor: Actor, column: SQL.Aliased | AnyColumn): SQL =>
  actor.role === 'admin' ? sql`${column} = ${actor.schoolId}` : sql`+${column} = ${actor.schoolId}`;

/**
 * `joined`: the pupils are reached from rows already found (a teacher's samtal), so the school is
 * only checked, never walked.
 */
export function pupilVisible(actor: Actor, opts: { forList: boolean; joined?: boolean }): SQL {
  const school = opts.joined ? sql`+${pupils.schoolId} = ${actor.schoolId}` : inActorsSchool(actor);
  if (actor.role !== 'admin') {
    if (opts.forList) return pupilsIn(actor, relatedPupilIds(actor));
    return sql`(${school} and (${inActorsTeams(actor)} or ${mentoredByActor(actor)}))`;
  }
  if (!opts.forList) return school;
  return sql`(${school} and (${pupils.securityMarked} = 0 or ${pupils.id} in ${relatedPupilIds(actor)}))`;
}
