import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'status' | 'erase' | 'import' | 'view' | 'read';

export interface AuditEntry {
  schoolId: string;
  actorId: string | null;
  action: AuditAction;
  entity: string;
  entityId: string;
  /** The pupil the entry is about, when it is about one: access is followed up per pupil. */
  pupilId?: string | null;
  /** The family link that acted, when a guardian did (no teacher account). */
  linkId?: string | null;
}

/** Record who did what to which record. Never pass content: the log outlives erasure. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/** Many entries at once (bulk imports), in chunks the database's parameter limit allows. */
export async function recordAudits(db: Executor, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) await db.insert(auditLog).values(entries.slice(i, i + 500));
}

/**
 * Reads of a pupil's data (an IUP, its history, what the family wrote, a hand-over file) are
 * logged as who read which pupil's what, and when — never the content — so a school can follow
 * up access to sensitive personal data (loggkontroll). The same reader opening the same thing
 * again within `READ_COALESCE_MS` is one entry: the panel reads an IUP many times while a
 * teacher works, and a log of every poll would hide the reads worth looking at. Remembered per
 * process; several processes may each write one entry.
 */
const READ_COALESCE_MS = 10 * 60_000;
const recentReads = new Map<string, number>();

export async function recordRead(
  db: Executor,
  entry: Omit<AuditEntry, 'action'> & { pupilId: string },
  now: number,
): Promise<void> {
  const key = `${entry.actorId}|${entry.entity}|${entry.entityId}`;
  const last = recentReads.get(key);
  if (last !== undefined && now - last < READ_COALESCE_MS) return;
  if (recentReads.size >= 20_000) recentReads.delete(recentReads.keys().next().value!);
  recentReads.delete(key);
  recentReads.set(key, now);
  await recordAudit(db, { ...entry, action: 'read' });
}
