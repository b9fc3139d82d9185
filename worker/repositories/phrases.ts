import { and, asc, desc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  findSimilarPhrases,
  PhraseCreate as PhraseCreateSchema,
  type Phrase,
  type PhraseCreate,
  type PhrasePatch,
  type PhraseVersion,
} from '../../shared/index';
import type { Actor } from '../context';
import type { Db, Executor } from '../db/client';
import { phrases, phraseVersions, teachers, teams } from '../db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { recordAudit } from './audit';

type PhraseRow = typeof phrases.$inferSelect;

export const toPhrase = (r: PhraseRow): Phrase => ({
  id: r.id,
  text: r.text,
  scope: r.scope,
  teamId: r.teamId,
  subject: r.subject,
  aspect: r.aspect,
  level: r.level,
  tags: r.tags,
  status: r.status,
  authorId: r.authorId,
  usageCount: r.usageCount,
  lastUsedAt: r.lastUsedAt,
  version: r.version,
  deleted: r.deleted,
  updatedAt: r.updatedAt,
});

/** Keep the content of a version as written, with who and when. */
async function writeVersion(
  tx: Executor,
  schoolId: string,
  editorId: string,
  at: string,
  p: Omit<Phrase, 'authorId' | 'usageCount' | 'lastUsedAt' | 'deleted' | 'updatedAt' | 'scope' | 'teamId'>,
) {
  await tx.insert(phraseVersions).values({
    phraseId: p.id,
    version: p.version,
    schoolId,
    text: p.text,
    subject: p.subject,
    aspect: p.aspect,
    level: p.level,
    tags: p.tags,
    status: p.status,
    editorId,
    at,
  });
}

/** Next value of the sync cursor, taken inside the writing statement so it cannot tie. */
const nextSeq = sql`(select coalesce(max(change_seq), 0) + 1 from phrases)`;

/** Scope (school, the actor's teams) and status: others' proposals stay with their author and the leads. */
export function phraseVisible(actor: Actor): SQL {
  const inScope =
    actor.role === 'admin'
      ? sql`1 = 1`
      : or(eq(phrases.scope, 'school'), actor.teamIds.length ? inArray(phrases.teamId, actor.teamIds) : sql`0 = 1`)!;
  const canSeeProposals =
    actor.role === 'admin'
      ? sql`1 = 1`
      : or(
          eq(phrases.authorId, actor.teacherId),
          actor.leadTeamIds.length ? inArray(phrases.teamId, actor.leadTeamIds) : sql`0 = 1`,
        )!;
  return and(eq(phrases.schoolId, actor.schoolId), inScope, or(sql`${phrases.status} <> 'proposed'`, canSeeProposals))!;
}

/** Who may approve, retire, or edit an approved phrase: an admin, or a lead of the phrase's team. */
export function canGovern(actor: Actor, p: { scope: string; teamId: string | null }): boolean {
  if (actor.role === 'admin') return true;
  return p.scope === 'team' && p.teamId !== null && actor.leadTeamIds.includes(p.teamId);
}

export async function listPhrases(
  db: Executor,
  actor: Actor,
  q: {
    subject?: string;
    aspect?: string;
    level?: string;
    status?: string;
    teamId?: string;
    since?: string;
    limit: number;
  },
): Promise<{ phrases: Phrase[]; nextSince: string | null }> {
  const where: SQL[] = [phraseVisible(actor)];
  const since = q.since === undefined ? undefined : Number(q.since);
  if (since !== undefined && (!Number.isSafeInteger(since) || since < 0))
    throw new ValidationError('Invalid since cursor.', { field: 'since' });
  if (since === undefined) where.push(eq(phrases.deleted, false));
  else where.push(gt(phrases.changeSeq, since));
  if (q.subject) where.push(eq(phrases.subject, q.subject));
  if (q.aspect) where.push(sql`${phrases.aspect} = ${q.aspect}`);
  if (q.level) where.push(sql`${phrases.level} = ${q.level}`);
  if (q.status) where.push(sql`${phrases.status} = ${q.status}`);
  if (q.teamId) where.push(eq(phrases.teamId, q.teamId));
  const rows = await db
    .select()
    .from(phrases)
    .where(and(...where))
    .orderBy(asc(phrases.changeSeq))
    .limit(q.limit);
  const last = rows.at(-1)?.changeSeq;
  return { phrases: rows.map(toPhrase), nextSince: last !== undefined ? String(last) : (q.since ?? null) };
}

export async function getPhrase(db: Executor, actor: Actor, id: string): Promise<Phrase> {
  const [row] = await db
    .select()
    .from(phrases)
    .where(and(eq(phrases.id, id), phraseVisible(actor), eq(phrases.deleted, false)))
    .limit(1);
  if (!row) throw new NotFoundError('Phrase');
  return toPhrase(row);
}

export async function createPhrase(db: Executor, actor: Actor, input: PhraseCreate, at: string): Promise<Phrase> {
  const p = PhraseCreateSchema.parse(input);
  if (p.teamId) {
    const [team] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.id, p.teamId), eq(teams.schoolId, actor.schoolId)))
      .limit(1);
    if (!team || (actor.role !== 'admin' && !actor.teamIds.includes(p.teamId))) throw new NotFoundError('Team');
  }
  const governs = canGovern(actor, p);
  // A teacher's phrase is a proposal until a lead approves it; a lead's or admin's is approved at once.
  const status = p.status ?? (governs ? 'approved' : 'proposed');
  if (status !== 'proposed' && !governs) throw new ForbiddenError('Only a team lead or an admin can approve phrases.');
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(phrases).values({
      id,
      schoolId: actor.schoolId,
      scope: p.scope,
      teamId: p.teamId,
      text: p.text,
      subject: p.subject,
      aspect: p.aspect,
      level: p.level,
      tags: p.tags,
      status,
      authorId: actor.teacherId,
      changeSeq: nextSeq,
      createdAt: at,
      updatedAt: at,
    });
    await writeVersion(tx, actor.schoolId, actor.teacherId, at, {
      id,
      version: 1,
      text: p.text,
      subject: p.subject,
      aspect: p.aspect,
      level: p.level,
      tags: p.tags,
      status,
    });
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'create',
      entity: 'phrase',
      entityId: id,
    });
  });
  return getPhrase(db, actor, id);
}

export async function updatePhrase(
  db: Executor,
  actor: Actor,
  id: string,
  patch: PhrasePatch,
  at: string,
): Promise<Phrase> {
  const current = await getPhrase(db, actor, id);
  const governs = canGovern(actor, current);
  const ownProposal = current.status === 'proposed' && current.authorId === actor.teacherId;
  if (!governs && !ownProposal) throw new ForbiddenError('Only a team lead or an admin can change an approved phrase.');
  if (patch.status && patch.status !== current.status && !governs)
    throw new ForbiddenError('Only a team lead or an admin can approve or retire phrases.');
  const next = { ...current, ...patch, version: current.version + 1 };
  await db.transaction(async (tx) => {
    // The version guard makes a concurrent edit fail instead of both claiming the same version.
    const res = await tx
      .update(phrases)
      .set({ ...patch, version: next.version, changeSeq: nextSeq, updatedAt: at })
      .where(and(eq(phrases.id, id), eq(phrases.schoolId, actor.schoolId), eq(phrases.version, current.version)));
    if (res.rowsAffected !== 1) throw new ConflictError('The phrase was changed meanwhile; reload it and try again.');
    await writeVersion(tx, actor.schoolId, actor.teacherId, at, next);
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: patch.status && patch.status !== current.status ? 'status' : 'update',
      entity: 'phrase',
      entityId: id,
    });
  });
  return getPhrase(db, actor, id);
}

/** Deleted phrases stay as tombstones so offline palettes learn about the deletion on sync. */
export async function deletePhrase(db: Db, actor: Actor, id: string, at: string): Promise<void> {
  const current = await getPhrase(db, actor, id);
  if (!canGovern(actor, current) && !(current.status === 'proposed' && current.authorId === actor.teacherId)) {
    throw new ForbiddenError('Only a team lead or an admin can delete a phrase.');
  }
  await db.transaction(async (tx) => {
    await tx
      .update(phrases)
      .set({ deleted: true, changeSeq: nextSeq, updatedAt: at })
      .where(and(eq(phrases.id, id), eq(phrases.schoolId, actor.schoolId)));
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'delete',
      entity: 'phrase',
      entityId: id,
    });
  });
}

/** Usage counts arrive in batches from the palette; ids the actor cannot see are ignored. */
export async function recordPhraseUsage(
  db: Db,
  actor: Actor,
  uses: { id: string; count: number }[],
  at: string,
): Promise<number> {
  let applied = 0;
  await db.transaction(async (tx) => {
    for (const u of uses) {
      const res = await tx
        .update(phrases)
        .set({ usageCount: sql`${phrases.usageCount} + ${u.count}`, lastUsedAt: at })
        .where(and(eq(phrases.id, u.id), phraseVisible(actor)));
      applied += res.rowsAffected;
    }
  });
  return applied;
}

/** Every version of a phrase, newest first, with the editor's name for the team lead's view. */
export async function listPhraseVersions(db: Executor, actor: Actor, id: string): Promise<PhraseVersion[]> {
  await getPhrase(db, actor, id);
  const rows = await db
    .select({ v: phraseVersions, editorName: teachers.name })
    .from(phraseVersions)
    .innerJoin(teachers, eq(teachers.id, phraseVersions.editorId))
    .where(and(eq(phraseVersions.phraseId, id), eq(phraseVersions.schoolId, actor.schoolId)))
    .orderBy(desc(phraseVersions.version));
  return rows.map(({ v, editorName }) => ({
    version: v.version,
    text: v.text,
    subject: v.subject,
    aspect: v.aspect,
    level: v.level,
    tags: v.tags,
    status: v.status,
    editorId: v.editorId,
    editorName,
    at: v.at,
  }));
}

/**
 * Existing phrases that say nearly the same, so a proposal can point at them instead of adding
 * a near-copy. Retired ones are included: a lead should see that the wording was dropped before.
 */
export async function similarPhrases(
  db: Executor,
  actor: Actor,
  text: string,
  excludeId?: string,
): Promise<{ phrase: Phrase; similarity: number }[]> {
  const rows = await db
    .select()
    .from(phrases)
    .where(and(phraseVisible(actor), eq(phrases.deleted, false)));
  return findSimilarPhrases(text, rows.filter((r) => r.id !== excludeId).map(toPhrase));
}
