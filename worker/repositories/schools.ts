import { eq } from 'drizzle-orm';
import { School, type SchoolSettingsPatch } from '../../shared/index';
import { applyMergePatch } from '../../shared/util/merge-patch';
import type { Executor } from '../db/client';
import { schools } from '../db/schema';
import { NotFoundError } from '../errors';
import { recordAudit } from './audit';

export async function getSchool(db: Executor, schoolId: string): Promise<School> {
  const [row] = await db.select().from(schools).where(eq(schools.id, schoolId)).limit(1);
  if (!row) throw new NotFoundError('School');
  // Parsing fills defaults for settings added after the row was written.
  return School.parse({
    id: row.id,
    name: row.name,
    schoolUnitCode: row.schoolUnitCode,
    calendar: row.calendar,
    settings: row.settings,
    template: row.template,
  });
}

export async function updateSchool(
  db: Executor,
  schoolId: string,
  actorId: string,
  patch: SchoolSettingsPatch,
): Promise<School> {
  const current = await getSchool(db, schoolId);
  // Merge patch on the settings (a removed key parses back to its default); the rest replaced whole.
  const next = School.parse({
    ...current,
    ...patch,
    settings: applyMergePatch(current.settings, patch.settings ?? {}),
  });
  await db
    .update(schools)
    .set({
      name: next.name,
      schoolUnitCode: next.schoolUnitCode,
      calendar: next.calendar,
      settings: next.settings,
      template: next.template,
    })
    .where(eq(schools.id, schoolId));
  await recordAudit(db, { schoolId, actorId, action: 'update', entity: 'school', entityId: schoolId });
  return next;
}

/** The school's duties version (see `schools.dutiesVersion`): one indexed row read. */
export async function dutiesVersion(db: Executor, schoolId: string): Promise<number> {
  const [row] = await db.select({ v: schools.dutiesVersion }).from(schools).where(eq(schools.id, schoolId)).limit(1);
  if (!row) throw new NotFoundError('School');
  return row.v;
}
