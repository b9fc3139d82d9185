import { and, eq, inArray } from 'drizzle-orm';
import type { Me } from '../../shared/index';
import type { Actor } from '../context';
import type { Executor } from '../db/client';
import { groups, schools, teachers, teamMembers, teams } from '../db/schema';
import { NotFoundError } from '../errors';

export async function getMe(db: Executor, actor: Actor): Promise<Me> {
  const [t] = await db.select().from(teachers).where(eq(teachers.id, actor.teacherId)).limit(1);
  const [s] = await db
    .select({ id: schools.id, name: schools.name })
    .from(schools)
    .where(eq(schools.id, actor.schoolId))
    .limit(1);
  if (!t || !s) throw new NotFoundError('Teacher');
  const myTeams = await db
    .select({ id: teams.id, name: teams.name, role: teamMembers.role })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(eq(teamMembers.teacherId, actor.teacherId));
  const myGroups =
    actor.role === 'admin'
      ? await db.select().from(groups).where(eq(groups.schoolId, actor.schoolId))
      : myTeams.length
        ? await db
            .select()
            .from(groups)
            .where(
              and(
                eq(groups.schoolId, actor.schoolId),
                inArray(
                  groups.teamId,
                  myTeams.map((x) => x.id),
                ),
              ),
            )
        : [];
  return {
    teacher: { id: t.id, name: t.name, email: t.email, role: t.role },
    school: s,
    teams: myTeams,
    groups: myGroups.map((g) => ({ id: g.id, name: g.name, type: g.type, teamId: g.teamId })),
  };
}
