import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { groupMembers, groups, pupils, schools } from '../db/schema';

/** The demo platform page's reads (Node only, the demo school only). */
export const DEMO_SCHOOL_NAME = 'Demoskolan Sjöängen';

export async function demoSchoolId(db: Executor): Promise<string | null> {
  const [row] = await db.select({ id: schools.id }).from(schools).where(eq(schools.name, DEMO_SCHOOL_NAME)).limit(1);
  return row?.id ?? null;
}

/** The demo school's class list, by class and name. */
export async function demoClassList(db: Executor, schoolId: string) {
  return db
    .select({ id: pupils.id, firstName: pupils.firstName, lastName: pupils.lastName, className: groups.name })
    .from(pupils)
    .leftJoin(groupMembers, eq(groupMembers.pupilId, pupils.id))
    .leftJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(eq(pupils.schoolId, schoolId))
    .orderBy(asc(groups.name), asc(pupils.lastName));
}

/** One pupil of the demo school, or null (another school's id is no pupil here). */
export async function demoPupil(db: Executor, schoolId: string, pupilId: string) {
  const [p] = await db.select().from(pupils).where(eq(pupils.id, pupilId)).limit(1);
  return p && p.schoolId === schoolId ? p : null;
}
