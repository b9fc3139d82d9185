import { and, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AccessLogEntry, AccessLogQuery } from '../../shared/schemas/access-log';
import type { Actor } from '../context';
import type { Executor } from '../db/client';
import { auditLog, pupils, teachers } from '../db/schema';
import { ForbiddenError, NotFoundError } from '../errors';
import { recordAudit } from './audit';

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The school's access log for one pupil or one staff member, newest first (admin only). A pupil's
 * list includes whole-school exports, which hold every pupil. In a staff member's list a pupil
 * with a security marking is shown by id only. Reading the log is itself logged.
 */
export async function accessLog(
  db: Executor,
  actor: Actor,
  q: AccessLogQuery,
): Promise<{ entries: AccessLogEntry[]; truncated: boolean }> {
  if (actor.role !== 'admin') throw new ForbiddenError('Only an admin can follow up access.');
  // Another school's pupil or staff member does not exist here (404); an erased pupil does, through their log.
  if (q.pupilId) {
    const [known] = await db
      .select({ one: sql`1` })
      .from(auditLog)
      .where(and(eq(auditLog.schoolId, actor.schoolId), eq(auditLog.pupilId, q.pupilId)))
      .limit(1);
    const [pupil] = known
      ? [known]
      : await db
          .select({ one: sql`1` })
          .from(pupils)
          .where(and(eq(pupils.id, q.pupilId), eq(pupils.schoolId, actor.schoolId)))
          .limit(1);
    if (!pupil) throw new NotFoundError('Pupil');
  }
  if (q.staffId) {
    const [staff] = await db
      .select({ one: sql`1` })
      .from(teachers)
      .where(and(eq(teachers.id, q.staffId), eq(teachers.schoolId, actor.schoolId)))
      .limit(1);
    if (!staff) throw new NotFoundError('Staff member');
  }
  const where: SQL[] = [eq(auditLog.schoolId, actor.schoolId)];
  if (q.pupilId) where.push(or(eq(auditLog.pupilId, q.pupilId), eq(auditLog.entity, 'school-export'))!);
  if (q.staffId) where.push(eq(auditLog.actorId, q.staffId));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lt(auditLog.at, nextDay(q.to)));
  const rows = await db
    .select({
      at: auditLog.at,
      staffId: auditLog.actorId,
      staffName: teachers.name,
      action: auditLog.action,
      record: auditLog.entity,
      recordId: auditLog.entityId,
      pupilId: auditLog.pupilId,
      pupilName: q.pupilId
        ? sql<string | null>`${pupils.firstName} || ' ' || ${pupils.lastName}`
        : sql<
            string | null
          >`case when ${pupils.securityMarked} then null else ${pupils.firstName} || ' ' || ${pupils.lastName} end`,
    })
    .from(auditLog)
    .leftJoin(teachers, and(eq(teachers.id, auditLog.actorId), eq(teachers.schoolId, actor.schoolId)))
    .leftJoin(pupils, and(eq(pupils.id, auditLog.pupilId), eq(pupils.schoolId, actor.schoolId)))
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(q.limit + 1);
  await recordAudit(db, {
    schoolId: actor.schoolId,
    actorId: actor.teacherId,
    action: 'read',
    entity: 'access-log',
    entityId: q.pupilId ?? q.staffId!,
    pupilId: q.pupilId ?? null,
  });
  return { entries: rows.slice(0, q.limit), truncated: rows.length > q.limit };
}
