import { and, desc, eq, sql } from 'drizzle-orm';
import {
  IupCreate as IupCreateSchema,
  type IupCreate, type IupDocument, type IupRevision, type IupSections, type IupStatus,
} from '../../shared/index';
import type { Actor } from '../context';
import type { Db, Executor } from '../db/client';
import { iupDocuments, iupRevisions, pupils } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { recordAudit } from './audit';
import { assertPupilVisible } from './pupils';
import { pupilVisible } from './visibility';

type DocRow = typeof iupDocuments.$inferSelect;

const toDocument = (r: DocRow): IupDocument => ({
  id: r.id, pupilId: r.pupilId, schoolYear: r.schoolYear, status: r.status, sections: r.sections, version: r.version,
  authorId: r.authorId, statusChangedBy: r.statusChangedBy, statusChangedAt: r.statusChangedAt, createdAt: r.createdAt, updatedAt: r.updatedAt,
});

async function findDocument(db: Executor, actor: Actor, where: ReturnType<typeof and>): Promise<IupDocument | null> {
  const [row] = await db
    .select({ d: iupDocuments })
    .from(iupDocuments)
    .innerJoin(pupils, eq(pupils.id, iupDocuments.pupilId))
    .where(and(where, eq(iupDocuments.schoolId, actor.schoolId), pupilVisible(actor, { forList: false })))
    .limit(1);
  return row ? toDocument(row.d) : null;
}

export async function getIup(db: Executor, actor: Actor, id: string): Promise<IupDocument> {
  const doc = await findDocument(db, actor, and(eq(iupDocuments.id, id)));
  if (!doc) throw new NotFoundError('IUP');
  return doc;
}

export async function getIupByPupilYear(db: Executor, actor: Actor, pupilId: string, schoolYear: string): Promise<IupDocument> {
  const doc = await findDocument(db, actor, and(eq(iupDocuments.pupilId, pupilId), eq(iupDocuments.schoolYear, schoolYear)));
  if (!doc) throw new NotFoundError('IUP');
  return doc;
}

export async function createIup(db: Db, actor: Actor, input: IupCreate, at: string): Promise<IupDocument> {
  const d = IupCreateSchema.parse(input);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await assertPupilVisible(tx, actor, d.pupilId);
    const existing = await findDocument(tx, actor, and(eq(iupDocuments.pupilId, d.pupilId), eq(iupDocuments.schoolYear, d.schoolYear)));
    if (existing) throw new ConflictError('This pupil already has an IUP for that läsår.', { current: existing });
    await tx.insert(iupDocuments).values({
      id, schoolId: actor.schoolId, pupilId: d.pupilId, schoolYear: d.schoolYear, status: 'draft', sections: d.sections,
      version: 1, authorId: actor.teacherId, createdAt: at, updatedAt: at,
    });
    await tx.insert(iupRevisions).values({
      id: crypto.randomUUID(), documentId: id, version: 1, status: 'draft', sections: d.sections, authorId: actor.teacherId, createdAt: at,
    });
    await recordAudit(tx, { schoolId: actor.schoolId, actorId: actor.teacherId, action: 'create', entity: 'iup', entityId: id });
  });
  return getIup(db, actor, id);
}

/**
 * Save a new version if, and only if, the writer started from the current one. The versioned
 * UPDATE and the revision INSERT share a transaction: a stale writer changes nothing and gets the
 * current document back to merge with.
 */
export async function saveIup(
  db: Db,
  actor: Actor,
  id: string,
  change: { baseVersion: number; sections?: IupSections; status?: IupStatus; restoredFromVersion?: number },
  at: string,
): Promise<IupDocument> {
  return db.transaction(async (tx) => {
    const current = await getIup(tx, actor, id);
    if (current.version !== change.baseVersion) {
      throw new ConflictError(`The IUP has changed since version ${change.baseVersion}; it is now at version ${current.version}.`, { current });
    }
    const sections = change.sections ?? current.sections;
    const status = change.status ?? current.status;
    const statusChanged = status !== current.status;
    const version = current.version + 1;
    const res = await tx
      .update(iupDocuments)
      .set({
        sections, status, version, authorId: actor.teacherId, updatedAt: at,
        ...(statusChanged ? { statusChangedBy: actor.teacherId, statusChangedAt: at } : {}),
      })
      .where(and(eq(iupDocuments.id, id), eq(iupDocuments.version, change.baseVersion)));
    if (res.rowsAffected !== 1) throw new ConflictError('The IUP changed during the save.', { current: await getIup(tx, actor, id) });
    await tx.insert(iupRevisions).values({
      id: crypto.randomUUID(), documentId: id, version, status, sections, authorId: actor.teacherId,
      restoredFromVersion: change.restoredFromVersion ?? null, createdAt: at,
    });
    const action = change.restoredFromVersion !== undefined ? 'restore' : statusChanged && !change.sections ? 'status' : 'update';
    await recordAudit(tx, { schoolId: actor.schoolId, actorId: actor.teacherId, action, entity: 'iup', entityId: id });
    return { ...current, sections, status, version, authorId: actor.teacherId, updatedAt: at,
      ...(statusChanged ? { statusChangedBy: actor.teacherId, statusChangedAt: at } : {}) };
  });
}

export async function listRevisions(db: Executor, actor: Actor, documentId: string): Promise<IupRevision[]> {
  await getIup(db, actor, documentId);
  const rows = await db.select().from(iupRevisions).where(eq(iupRevisions.documentId, documentId)).orderBy(desc(iupRevisions.version));
  return rows.map((r) => ({ ...r, restoredFromVersion: r.restoredFromVersion ?? null }));
}

export async function getRevision(db: Executor, actor: Actor, documentId: string, version: number): Promise<IupRevision> {
  await getIup(db, actor, documentId);
  const [r] = await db.select().from(iupRevisions).where(and(eq(iupRevisions.documentId, documentId), eq(iupRevisions.version, version))).limit(1);
  if (!r) throw new NotFoundError('Revision');
  return { ...r, restoredFromVersion: r.restoredFromVersion ?? null };
}

/** Restoring never rewrites history: the old text comes back as a new revision. */
export async function restoreRevision(db: Db, actor: Actor, documentId: string, version: number, baseVersion: number, at: string) {
  const rev = await getRevision(db, actor, documentId, version);
  return saveIup(db, actor, documentId, { baseVersion, sections: rev.sections, restoredFromVersion: version }, at);
}

export const countRevisions = async (db: Executor, documentId: string) =>
  (await db.select({ n: sql<number>`count(*)` }).from(iupRevisions).where(eq(iupRevisions.documentId, documentId)))[0]?.n ?? 0;
