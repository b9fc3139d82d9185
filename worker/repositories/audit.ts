import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'status' | 'erase' | 'import' | 'view';

export interface AuditEntry {
  schoolId: string;
  actorId: string | null;
  action: AuditAction;
  entity: string;
  entityId: string;
}

/** Record who did what to which record. Never pass content: the log outlives erasure. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/** Many entries at once (bulk imports), in chunks the database's parameter limit allows. */
export async function recordAudits(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) await db.insert(auditLog).values(entries.slice(i, i + 500));
}

export async function listAudit(db: Executor, schoolId: string, entityId?: string, limit = 200) {
  return db
    .select()
    .from(auditLog)
    .where(entityId ? and(eq(auditLog.schoolId, schoolId), eq(auditLog.entityId, entityId)) : eq(auditLog.schoolId, schoolId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
