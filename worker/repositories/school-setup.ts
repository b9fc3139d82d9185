import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defaultSchoolSettings, defaultTemplate, schoolYearOf, typicalSchoolYear } from '../../shared/index';
import { Name } from '../../shared/schemas/common';
import type { Db, Executor } from '../db/client';
import { schools, teachers, teamMembers, teams } from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';

/**
 * Setting a school up from the admin CLI: the school, its teams and its staff. The same name rules
 * as every request (`Name`), so a name typed on a command line is held to what the API holds it to.
 */
const SchoolInput = z.object({
  name: Name,
  schoolUnitCode: z
    .string()
    .regex(/^\d{8}$/, 'the skolenhetskod has 8 digits')
    .nullable(),
});
const TeacherInput = z.object({
  schoolId: z.string(),
  name: Name,
  email: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[^@\s]+@[^@\s]+$/, 'not an e-mail address'),
  role: z.enum(['teacher', 'admin']),
  teamId: z.string().nullable(),
  lead: z.boolean(),
});

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new ValidationError(`${issue.path.join('.') || 'input'}: ${issue.message}`, { field: issue.path.join('.') });
}

export async function createSchool(db: Executor, input: z.input<typeof SchoolInput>, today: string): Promise<string> {
  const s = parse(SchoolInput, input);
  const id = crypto.randomUUID();
  await db.insert(schools).values({
    id,
    name: s.name,
    schoolUnitCode: s.schoolUnitCode,
    settings: defaultSchoolSettings(),
    template: defaultTemplate(),
    calendar: { schoolYears: [typicalSchoolYear(schoolYearOf(today))] },
  });
  return id;
}

export async function createTeam(db: Executor, schoolId: string, name: string): Promise<string> {
  const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.id, schoolId));
  if (!school) throw new NotFoundError('School');
  const id = crypto.randomUUID();
  await db.insert(teams).values({ id, schoolId, name: parse(Name, name) });
  return id;
}

/** A staff account, optionally in a team (as its lead); one transaction. */
export async function createTeacher(db: Db, input: z.input<typeof TeacherInput>): Promise<string> {
  const t = parse(TeacherInput, input);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(teachers).values({ id, schoolId: t.schoolId, name: t.name, email: t.email, role: t.role });
    if (t.teamId) {
      const [team] = await tx
        .select()
        .from(teams)
        .where(and(eq(teams.id, t.teamId), eq(teams.schoolId, t.schoolId)));
      if (!team) throw new NotFoundError('Team in that school');
      await tx.insert(teamMembers).values({ teamId: team.id, teacherId: id, role: t.lead ? 'lead' : 'member' });
    }
  });
  return id;
}

/** Staff accounts with this e-mail, in one school or in any. */
export async function teachersByEmail(db: Executor, email: string, schoolId?: string) {
  const e = email.trim().toLowerCase();
  return db
    .select()
    .from(teachers)
    .where(schoolId ? and(eq(teachers.email, e), eq(teachers.schoolId, schoolId)) : eq(teachers.email, e));
}
