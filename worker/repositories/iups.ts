import type { InArgs } from '@libsql/client';
import { and, desc, eq, exists, fillPlaceholders, gte, lt, sql } from 'drizzle-orm';
import { missingForAgreed, type MissingPart } from '../../shared/iup/agreed-requirements';
import {
  IupCreate as IupCreateSchema,
  type IupCreate,
  type IupDocument,
  type IupRevision,
  type IupSections,
  type IupStatus,
} from '../../shared/index';
import type { Actor } from '../context';
import type { Db, Executor } from '../db/client';
import { iupDocuments, iupRevisions, meetings, pupils, teachers } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { getSchool } from './schools';
import { recordAudit } from './audit';
import { assertPupilVisible } from './pupils';
import { pupilVisible } from './visibility';
import { placeholderActor, prepared } from '../db/prepared';

type DocRow = typeof iupDocuments.$inferSelect;

const toDocument = (r: DocRow): IupDocument => ({
  id: r.id,
  pupilId: r.pupilId,
  schoolYear: r.schoolYear,
  status: r.status,
  sections: r.sections,
  version: r.version,
  authorId: r.authorId,
  statusChangedBy: r.statusChangedBy,
  statusChangedAt: r.statusChangedAt,
  sharedAt: r.sharedAt,
  agreedMeetingId: r.agreedMeetingId,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
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

/**
 * The document as one JSON column built by SQLite: the local driver's cost grows with the number
 * of columns far more than with their size, so the hot paths read one column, not twelve.
 */
const documentJson = sql<string>`json_object(
  'id', ${iupDocuments.id}, 'pupilId', ${iupDocuments.pupilId}, 'schoolYear', ${iupDocuments.schoolYear},
  'status', ${iupDocuments.status}, 'sections', json(${iupDocuments.sections}), 'version', ${iupDocuments.version},
  'authorId', ${iupDocuments.authorId}, 'statusChangedBy', ${iupDocuments.statusChangedBy},
  'statusChangedAt', ${iupDocuments.statusChangedAt}, 'sharedAt', ${iupDocuments.sharedAt},
  'agreedMeetingId', ${iupDocuments.agreedMeetingId}, 'createdAt', ${iupDocuments.createdAt}, 'updatedAt', ${iupDocuments.updatedAt})`;
const parseDocument = (json: string) => JSON.parse(json) as IupDocument;

/** Reading one IUP is what the panel does most; its query is built once per role. */
export async function getIup(db: Executor, actor: Actor, id: string): Promise<IupDocument> {
  const query = prepared(db, `getIup:${actor.role}`, () => {
    const as = placeholderActor(actor.role);
    return db
      .select({ doc: documentJson })
      .from(iupDocuments)
      .innerJoin(pupils, eq(pupils.id, iupDocuments.pupilId))
      .where(
        and(
          eq(iupDocuments.id, sql.placeholder('id')),
          eq(iupDocuments.schoolId, as.schoolId),
          pupilVisible(as, { forList: false }),
        ),
      )
      .limit(1)
      .prepare();
  });
  const row = await query.get({ id, teacherId: actor.teacherId, schoolId: actor.schoolId });
  if (!row) throw new NotFoundError('IUP');
  return parseDocument(row.doc);
}

export async function getIupByPupilYear(
  db: Executor,
  actor: Actor,
  pupilId: string,
  schoolYear: string,
): Promise<IupDocument> {
  const doc = await findDocument(
    db,
    actor,
    and(eq(iupDocuments.pupilId, pupilId), eq(iupDocuments.schoolYear, schoolYear)),
  );
  if (!doc) throw new NotFoundError('IUP');
  return doc;
}

export async function createIup(db: Db, actor: Actor, input: IupCreate, at: string): Promise<IupDocument> {
  const d = IupCreateSchema.parse(input);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await assertPupilVisible(tx, actor, d.pupilId);
    const existing = await findDocument(
      tx,
      actor,
      and(eq(iupDocuments.pupilId, d.pupilId), eq(iupDocuments.schoolYear, d.schoolYear)),
    );
    if (existing) throw new ConflictError('This pupil already has an IUP for that läsår.', { current: existing });
    await tx.insert(iupDocuments).values({
      id,
      schoolId: actor.schoolId,
      pupilId: d.pupilId,
      schoolYear: d.schoolYear,
      status: 'draft',
      sections: d.sections,
      version: 1,
      authorId: actor.teacherId,
      createdAt: at,
      updatedAt: at,
    });
    await tx.insert(iupRevisions).values({
      id: crypto.randomUUID(),
      documentId: id,
      version: 1,
      status: 'draft',
      sections: d.sections,
      authorId: actor.teacherId,
      createdAt: at,
    });
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'create',
      entity: 'iup',
      entityId: id,
      pupilId: d.pupilId,
    });
  });
  return getIup(db, actor, id);
}

/**
 * Save a new version if, and only if, the writer started from the current one. The versioned
 * UPDATE, the revision INSERT and the audit entry are one atomic batch: a stale writer changes
 * nothing and gets the current document back to merge with.
 */
export async function saveIup(
  db: Db,
  actor: Actor,
  id: string,
  change: { baseVersion: number; sections?: IupSections; status?: IupStatus; restoredFromVersion?: number },
  at: string,
): Promise<IupDocument> {
  if (change.status === undefined && change.sections !== undefined)
    return saveSections(db, actor, id, { ...change, sections: change.sections }, at);
  return db.transaction(async (tx) => {
    const current = await getIup(tx, actor, id);
    if (current.version !== change.baseVersion) throw await staleVersion(tx, change.baseVersion, current);
    const sections = change.sections ?? current.sections;
    const status = change.status ?? current.status;
    const statusChanged = status !== current.status;
    const version = current.version + 1;
    // Agreed needs the whole IUP and a held samtal of its läsår; it is tied to that samtal.
    const agreedMeetingId =
      status === 'agreed'
        ? statusChanged
          ? await agreedAt(tx, actor, current, sections)
          : current.agreedMeetingId
        : null;
    const sharedAt = statusChanged && status === 'shared' ? at : current.sharedAt;
    const res = await tx
      .update(iupDocuments)
      .set({
        sections,
        status,
        version,
        authorId: actor.teacherId,
        updatedAt: at,
        sharedAt,
        agreedMeetingId,
        ...(statusChanged ? { statusChangedBy: actor.teacherId, statusChangedAt: at } : {}),
      })
      .where(and(eq(iupDocuments.id, id), eq(iupDocuments.version, change.baseVersion)));
    if (res.rowsAffected !== 1)
      throw new ConflictError('The IUP changed during the save.', { current: await getIup(tx, actor, id) });
    await tx.insert(iupRevisions).values({
      id: crypto.randomUUID(),
      documentId: id,
      version,
      status,
      sections,
      authorId: actor.teacherId,
      restoredFromVersion: change.restoredFromVersion ?? null,
      createdAt: at,
    });
    const action =
      change.restoredFromVersion !== undefined ? 'restore' : statusChanged && !change.sections ? 'status' : 'update';
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action,
      entity: 'iup',
      entityId: id,
      pupilId: current.pupilId,
    });
    return {
      ...current,
      sections,
      status,
      version,
      authorId: actor.teacherId,
      updatedAt: at,
      sharedAt,
      agreedMeetingId,
      ...(statusChanged ? { statusChangedBy: actor.teacherId, statusChangedAt: at } : {}),
    };
  });
}

/**
 * The held samtal an IUP is agreed at — the pupil's latest of its läsår — or a refusal that lists
 * every part still missing (`details.missing`), so the panel can show them all at once.
 */
async function agreedAt(tx: Executor, actor: Actor, doc: IupDocument, sections: IupSections): Promise<string> {
  const first = Number(doc.schoolYear.slice(0, 4));
  const [school, [held]] = await Promise.all([
    getSchool(tx, actor.schoolId),
    tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(
        and(
          eq(meetings.pupilId, doc.pupilId),
          eq(meetings.status, 'held'),
          gte(meetings.startsAt, `${first}-07-01`),
          lt(meetings.startsAt, `${first + 1}-07-01`),
        ),
      )
      .orderBy(desc(meetings.startsAt))
      .limit(1),
  ]);
  const missing = missingForAgreed(sections, school.settings.requiredSubjects, held !== undefined);
  if (missing.length > 0 || !held)
    throw new ValidationError(`The IUP cannot be agreed yet; missing: ${missing.map(describeMissing).join(', ')}.`, {
      missing,
    });
  return held.id;
}

const describeMissing = (m: MissingPart): string =>
  m.part === 'omdome'
    ? `an omdöme in ${m.subject}`
    : m.part === 'any-omdome'
      ? 'at least one omdöme'
      : m.part === 'planning'
        ? `the plan's part for ${m.party}`
        : 'a held samtal this läsår';

/**
 * A save based on an older version: the current document, and who saved it (a colleague's name
 * at the same school), so the teacher knows whom to talk to about the differing texts.
 */
async function staleVersion(db: Executor, base: number, current: IupDocument): Promise<ConflictError> {
  const [row] = await db
    .select({ name: teachers.name })
    .from(iupRevisions)
    .innerJoin(teachers, eq(teachers.id, iupRevisions.authorId))
    .where(and(eq(iupRevisions.documentId, current.id), eq(iupRevisions.version, current.version)));
  return new ConflictError(`The IUP has changed since version ${base}; it is now at version ${current.version}.`, {
    current,
    savedByName: row?.name ?? null,
  });
}

/**
 * The autosave path (text only, no status change): one batch, no read before the write, so a
 * save costs one round trip locally and remotely. The UPDATE carries the version guard and the
 * visibility filter; the revision and audit rows are written only if it changed a row
 * (`changes()` is the count of the UPDATE just before). When nothing changed, a read tells a
 * stale version (409) from a document the teacher may not see (404).
 */
async function saveSections(
  db: Db,
  actor: Actor,
  id: string,
  change: { baseVersion: number; sections: IupSections; restoredFromVersion?: number },
  at: string,
): Promise<IupDocument> {
  const update = prepared(db, `saveSections:${actor.role}`, () => {
    const as = placeholderActor(actor.role);
    // Correlated, so SQLite checks the one pupil instead of listing every visible pupil first.
    const pupilIsVisible = exists(
      db
        .select({ one: sql`1` })
        .from(pupils)
        .where(and(eq(pupils.id, iupDocuments.pupilId), pupilVisible(as, { forList: false }))),
    );
    return db
      .update(iupDocuments)
      .set({
        sections: sql.placeholder('sections') as unknown as IupSections,
        version: sql`${iupDocuments.version} + 1`,
        authorId: as.teacherId,
        updatedAt: sql.placeholder('at') as unknown as string,
      })
      .where(
        and(
          eq(iupDocuments.id, sql.placeholder('id')),
          eq(iupDocuments.version, sql.placeholder('baseVersion')),
          eq(iupDocuments.schoolId, as.schoolId),
          pupilIsVisible,
        ),
      )
      .returning({ doc: documentJson })
      .toSQL();
  });
  const args = fillPlaceholders(update.params, {
    id,
    baseVersion: change.baseVersion,
    sections: change.sections,
    at,
    teacherId: actor.teacherId,
    schoolId: actor.schoolId,
  }) as InArgs;
  // Sent as pre-built SQL: building three drizzle queries per autosave cost more than running them.
  const [updated] = await db.$client.batch(
    [
      { sql: update.sql, args },
      {
        sql: `insert into iup_revisions (id, document_id, version, status, sections, author_id, restored_from_version, created_at)
        select ?, id, version, status, sections, author_id, ?, updated_at from iup_documents where id = ? and changes() = 1`,
        args: [crypto.randomUUID(), change.restoredFromVersion ?? null, id],
      },
      {
        sql: "insert into audit_log (school_id, actor_id, action, entity, entity_id, pupil_id) select ?, ?, ?, 'iup', id, pupil_id from iup_documents where id = ? and changes() = 1",
        args: [actor.schoolId, actor.teacherId, change.restoredFromVersion !== undefined ? 'restore' : 'update', id],
      },
    ],
    'write',
  );
  const row = updated?.rows[0];
  if (row) return parseDocument(row[0] as string);
  const current = await getIup(db, actor, id);
  throw await staleVersion(db, change.baseVersion, current);
}

/** Every revision, newest first, with the pupil the document is about (for the access log). */
export async function listRevisions(
  db: Executor,
  actor: Actor,
  documentId: string,
): Promise<{ pupilId: string; revisions: IupRevision[] }> {
  const { pupilId } = await getIup(db, actor, documentId);
  // The author's name with each version, so the teacher sees who wrote it before restoring it.
  const rows = await db
    .select({ revision: iupRevisions, authorName: teachers.name })
    .from(iupRevisions)
    .leftJoin(teachers, eq(teachers.id, iupRevisions.authorId))
    .where(eq(iupRevisions.documentId, documentId))
    .orderBy(desc(iupRevisions.version));
  return {
    pupilId,
    revisions: rows.map(({ revision: r, authorName }) => ({
      ...r,
      restoredFromVersion: r.restoredFromVersion ?? null,
      authorName: authorName ?? null,
    })),
  };
}

export async function getRevision(
  db: Executor,
  actor: Actor,
  documentId: string,
  version: number,
): Promise<IupRevision> {
  await getIup(db, actor, documentId);
  const [r] = await db
    .select()
    .from(iupRevisions)
    .where(and(eq(iupRevisions.documentId, documentId), eq(iupRevisions.version, version)))
    .limit(1);
  if (!r) throw new NotFoundError('Revision');
  return { ...r, restoredFromVersion: r.restoredFromVersion ?? null };
}

/** Restoring never rewrites history: the old text comes back as a new revision. */
export async function restoreRevision(
  db: Db,
  actor: Actor,
  documentId: string,
  version: number,
  baseVersion: number,
  at: string,
) {
  const rev = await getRevision(db, actor, documentId, version);
  return saveIup(db, actor, documentId, { baseVersion, sections: rev.sections, restoredFromVersion: version }, at);
}
