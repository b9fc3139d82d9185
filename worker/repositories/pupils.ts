import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  append,
  arskursProblem,
  type Pupil,
  type PupilCreate,
  type PupilPatch,
  type PupilQuery,
  PupilCreate as PupilCreateSchema,
} from '../../shared/index';
import type { Actor } from '../context';
import type { Db, Executor } from '../db/client';
import {
  auditLog,
  groupMembers,
  groups,
  iupDocuments,
  iupRevisions,
  meetings,
  mentors,
  pupils,
  shareComments,
  shareLinks,
  teachers,
  preparationAnswers,
  samtalAcknowledgements,
  samtalAudience,
  samtalInvitations,
} from '../db/schema';
import { NotFoundError, ValidationError } from '../errors';
import { scrubAfterErasure } from '../db/scrub';
import { recordAudit } from './audit';
import { pupilVisible } from './visibility';

type PupilRow = typeof pupils.$inferSelect;

function toPupil(row: PupilRow, groupIds: string[], mentorIds: string[]): Pupil {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    skolform: row.skolform,
    arskurs: row.arskurs,
    getsGrades: row.getsGrades,
    pronoun: row.pronoun,
    groupIds,
    mentorIds,
    externalIds: { ...(row.lmsId ? { lms: row.lmsId } : {}), ...(row.ss12000Id ? { ss12000: row.ss12000Id } : {}) },
    securityMarked: row.securityMarked,
    enrolledAt: row.enrolledAt,
    updatedAt: row.updatedAt,
  };
}

/** Load groups and mentors for many pupils in two queries, not one per pupil. */
async function withRelations(db: Executor, rows: PupilRow[]): Promise<Pupil[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const gm = new Map<string, string[]>();
  const mm = new Map<string, string[]>();
  // SQLite limits bound parameters, so look up relations in chunks.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const r of await db.select().from(groupMembers).where(inArray(groupMembers.pupilId, chunk))) {
      append(gm, r.pupilId, r.groupId);
    }
    for (const r of await db.select().from(mentors).where(inArray(mentors.pupilId, chunk))) {
      append(mm, r.pupilId, r.teacherId);
    }
  }
  return rows.map((r) => toPupil(r, gm.get(r.id) ?? [], mm.get(r.id) ?? []));
}

export async function listPupils(
  db: Executor,
  actor: Actor,
  q: PupilQuery,
): Promise<{ pupils: Pupil[]; total: number }> {
  const where: SQL[] = [pupilVisible(actor, { forList: true })];
  if (q.groupId)
    where.push(
      sql`exists (select 1 from group_members gm where gm.pupil_id = ${pupils.id} and gm.group_id = ${q.groupId})`,
    );
  if (q.teamId) {
    where.push(sql`exists (select 1 from group_members gm join groups g on g.id = gm.group_id
      where gm.pupil_id = ${pupils.id} and g.team_id = ${q.teamId})`);
  }
  if (q.arskurs !== undefined) where.push(eq(pupils.arskurs, q.arskurs));
  if (q.skolform) where.push(eq(pupils.skolform, q.skolform));
  const cond = and(...where);
  const rows = await db
    .select()
    .from(pupils)
    .where(cond)
    .orderBy(asc(pupils.lastName), asc(pupils.firstName), asc(pupils.id))
    .limit(q.limit)
    .offset(q.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)` })
    .from(pupils)
    .where(cond);
  return { pupils: await withRelations(db, rows), total: count?.n ?? 0 };
}

/** A pupil the actor may see, or NotFound — also for ids of other schools. */
export async function getPupil(db: Executor, actor: Actor, id: string): Promise<Pupil> {
  const [row] = await db
    .select()
    .from(pupils)
    .where(and(eq(pupils.id, id), pupilVisible(actor, { forList: false })))
    .limit(1);
  if (!row) throw new NotFoundError('Pupil');
  const [pupil] = await withRelations(db, [row]);
  return pupil!;
}

export async function assertPupilVisible(db: Executor, actor: Actor, id: string): Promise<void> {
  const [row] = await db
    .select({ id: pupils.id })
    .from(pupils)
    .where(and(eq(pupils.id, id), pupilVisible(actor, { forList: false })))
    .limit(1);
  if (!row) throw new NotFoundError('Pupil');
}

async function checkRelations(db: Executor, schoolId: string, groupIds: string[], mentorIds: string[]): Promise<void> {
  if (groupIds.length) {
    const found = await db
      .select({ id: groups.id })
      .from(groups)
      .where(and(eq(groups.schoolId, schoolId), inArray(groups.id, groupIds)));
    if (found.length !== new Set(groupIds).size)
      throw new ValidationError('Unknown group in groupIds.', { field: 'groupIds' });
  }
  if (mentorIds.length) {
    const found = await db
      .select({ id: teachers.id })
      .from(teachers)
      .where(and(eq(teachers.schoolId, schoolId), inArray(teachers.id, mentorIds)));
    if (found.length !== new Set(mentorIds).size)
      throw new ValidationError('Unknown teacher in mentorIds.', { field: 'mentorIds' });
  }
}

async function replaceRelations(db: Executor, pupilId: string, groupIds?: string[], mentorIds?: string[]) {
  if (groupIds) {
    await db.delete(groupMembers).where(eq(groupMembers.pupilId, pupilId));
    if (groupIds.length)
      await db.insert(groupMembers).values([...new Set(groupIds)].map((groupId) => ({ groupId, pupilId })));
  }
  if (mentorIds) {
    await db.delete(mentors).where(eq(mentors.pupilId, pupilId));
    if (mentorIds.length)
      await db.insert(mentors).values([...new Set(mentorIds)].map((teacherId) => ({ teacherId, pupilId })));
  }
}

async function assertExternalIdsFree(db: Executor, schoolId: string, ext: Pupil['externalIds'], exceptId?: string) {
  for (const [key, col] of [
    ['lms', pupils.lmsId],
    ['ss12000', pupils.ss12000Id],
  ] as const) {
    const value = ext[key];
    if (!value) continue;
    const [row] = await db
      .select({ id: pupils.id })
      .from(pupils)
      .where(and(eq(pupils.schoolId, schoolId), eq(col, value)))
      .limit(1);
    if (row && row.id !== exceptId)
      throw new ValidationError(`Another pupil already has this ${key} id.`, { field: `externalIds.${key}` });
  }
}

export async function createPupil(db: Db, actor: Actor, input: PupilCreate, at: string): Promise<Pupil> {
  const p = PupilCreateSchema.parse(input);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await checkRelations(tx, actor.schoolId, p.groupIds, p.mentorIds);
    await assertExternalIdsFree(tx, actor.schoolId, p.externalIds);
    await tx.insert(pupils).values({
      id,
      schoolId: actor.schoolId,
      firstName: p.firstName,
      lastName: p.lastName,
      skolform: p.skolform,
      arskurs: p.arskurs,
      getsGrades: p.getsGrades,
      pronoun: p.pronoun,
      lmsId: p.externalIds.lms ?? null,
      ss12000Id: p.externalIds.ss12000 ?? null,
      securityMarked: p.securityMarked,
      enrolledAt: p.enrolledAt,
      createdAt: at,
      updatedAt: at,
    });
    await replaceRelations(tx, id, p.groupIds, p.mentorIds);
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'create',
      entity: 'pupil',
      entityId: id,
      pupilId: id,
    });
  });
  return getPupil(db, { ...actor, role: 'admin' }, id);
}

export async function updatePupil(db: Db, actor: Actor, id: string, patch: PupilPatch, at: string): Promise<Pupil> {
  await db.transaction(async (tx) => {
    const current = await getPupil(tx, actor, id);
    const merged = { ...current, ...patch };
    const problem = arskursProblem(merged);
    if (problem) throw new ValidationError(problem, { field: 'arskurs' });
    await checkRelations(tx, actor.schoolId, patch.groupIds ?? [], patch.mentorIds ?? []);
    if (patch.externalIds) await assertExternalIdsFree(tx, actor.schoolId, patch.externalIds, id);
    await tx
      .update(pupils)
      .set({
        firstName: merged.firstName,
        lastName: merged.lastName,
        skolform: merged.skolform,
        arskurs: merged.arskurs,
        getsGrades: merged.getsGrades,
        pronoun: merged.pronoun,
        securityMarked: merged.securityMarked,
        enrolledAt: merged.enrolledAt,
        lmsId: merged.externalIds.lms ?? null,
        ss12000Id: merged.externalIds.ss12000 ?? null,
        updatedAt: at,
      })
      .where(and(eq(pupils.id, id), eq(pupils.schoolId, actor.schoolId)));
    await replaceRelations(tx, id, patch.groupIds, patch.mentorIds);
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'update',
      entity: 'pupil',
      entityId: id,
      pupilId: id,
    });
  });
  return getPupil(db, actor, id);
}

/**
 * Erase a pupil and everything written about them; the audit log keeps only that it happened.
 * Answers once the erased data is off the disk too (`scrubAfterErasure`): whether that could be
 * confirmed is returned.
 */
export async function erasePupil(db: Db, actor: Actor, id: string): Promise<{ diskScrubbed: boolean }> {
  await db.transaction(async (tx) => {
    await assertPupilVisible(tx, actor, id);
    await erasePupilRows(tx, actor.schoolId, id);
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'erase',
      entity: 'pupil',
      entityId: id,
      pupilId: id,
    });
  });
  return { diskScrubbed: await scrubAfterErasure(db.$client) };
}

/**
 * Every row about the pupil, without permission checks: for `erasePupil` and for a restore that
 * must not bring back a pupil erased after the backup was taken. With `secure_delete` on (see
 * `open-local.ts`) the freed pages are zeroed; `scrubAfterErasure` then clears the WAL.
 */
export async function erasePupilRows(tx: Executor, schoolId: string, id: string): Promise<void> {
  const docs = await tx.select({ id: iupDocuments.id }).from(iupDocuments).where(eq(iupDocuments.pupilId, id));
  if (docs.length)
    await tx.delete(iupRevisions).where(
      inArray(
        iupRevisions.documentId,
        docs.map((d) => d.id),
      ),
    );
  await tx.delete(iupDocuments).where(eq(iupDocuments.pupilId, id));
  await tx.delete(samtalAcknowledgements).where(eq(samtalAcknowledgements.pupilId, id));
  await tx.delete(preparationAnswers).where(eq(preparationAnswers.pupilId, id));
  await tx.delete(meetings).where(eq(meetings.pupilId, id));
  await tx.delete(samtalInvitations).where(eq(samtalInvitations.pupilId, id));
  await tx.delete(samtalAudience).where(eq(samtalAudience.pupilId, id));
  await tx.delete(shareComments).where(eq(shareComments.pupilId, id));
  await tx.delete(shareLinks).where(eq(shareLinks.pupilId, id));
  await tx.delete(groupMembers).where(eq(groupMembers.pupilId, id));
  await tx.delete(mentors).where(eq(mentors.pupilId, id));
  await tx.delete(pupils).where(and(eq(pupils.id, id), eq(pupils.schoolId, schoolId)));
}

/** Pupils erased in this database (ids and schools only, from the audit log). */
export async function erasedPupils(db: Executor): Promise<{ schoolId: string; pupilId: string }[]> {
  const rows = await db
    .selectDistinct({ schoolId: auditLog.schoolId, pupilId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'erase'), eq(auditLog.entity, 'pupil')));
  return rows;
}

/**
 * An erasure is a promise about every copy the school keeps using: a backup taken before a pupil
 * was erased still holds them, so a restore erases them again (the live database's audit log
 * says who was erased) and carries the erasure's audit entry over. Returns how many.
 */
export async function reapplyErasures(live: Executor, staged: Db): Promise<number> {
  let n = 0;
  for (const e of await erasedPupils(live)) {
    const present =
      (await staged.select({ id: pupils.id }).from(pupils).where(eq(pupils.id, e.pupilId)).limit(1)).length > 0;
    const logged =
      (
        await staged
          .select({ id: auditLog.id })
          .from(auditLog)
          .where(and(eq(auditLog.action, 'erase'), eq(auditLog.entity, 'pupil'), eq(auditLog.entityId, e.pupilId)))
          .limit(1)
      ).length > 0;
    if (!present && logged) continue;
    await staged.transaction(async (tx) => {
      await erasePupilRows(tx, e.schoolId, e.pupilId);
      if (!logged)
        await recordAudit(tx, {
          schoolId: e.schoolId,
          actorId: null,
          action: 'erase',
          entity: 'pupil',
          entityId: e.pupilId,
          pupilId: e.pupilId,
        });
    });
    if (present) n++;
  }
  return n;
}
