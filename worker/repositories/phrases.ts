import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { PhraseCreate as PhraseCreateSchema, type Phrase, type PhraseCreate, type PhrasePatch } from '../../shared/index';
import type { Actor } from '../context';
import type { Db, Executor } from '../db/client';
import { phrases, teams } from '../db/schema';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { recordAudit } from './audit';

type PhraseRow = typeof phrases.$inferSelect;

const toPhrase = (r: PhraseRow): Phrase => ({
  id: r.id, text: r.text, scope: r.scope, teamId: r.teamId, subject: r.subject, aspect: r.aspect, level: r.level,
  tags: r.tags, status: r.status, authorId: r.authorId, usageCount: r.usageCount, deleted: r.deleted, updatedAt: r.updatedAt,
});

/** Next value of the sync cursor, taken inside the writing statement so it cannot tie. */
const nextSeq = sql`(select coalesce(max(change_seq), 0) + 1 from phrases)`;

/** Scope (school, the actor's teams) and status: others' proposals stay with their author and the leads. */
function phraseVisible(actor: Actor): SQL {
  const inScope = actor.role === 'admin'
    ? sql`1 = 1`
    : or(eq(phrases.scope, 'school'), actor.teamIds.length ? inArray(phrases.teamId, actor.teamIds) : sql`0 = 1`)!;
  const canSeeProposals = actor.role === 'admin'
    ? sql`1 = 1`
    : or(eq(phrases.authorId, actor.teacherId), actor.leadTeamIds.length ? inArray(phrases.teamId, actor.leadTeamIds) : sql`0 = 1`)!;
  return and(eq(phrases.schoolId, actor.schoolId), inScope, or(sql`${phrases.status} <> 'proposed'`, canSeeProposals))!;
}

/** Who may approve, retire, or edit an approved phrase: an admin, or a lead of the phrase's team. */
function canGovern(actor: Actor, p: { scope: string; teamId: string | null }): boolean {
  if (actor.role === 'admin') return true;
  return p.scope === 'team' && p.teamId !== null && actor.leadTeamIds.includes(p.teamId);
}

export async function listPhrases(
  db: Executor,
  actor: Actor,
  q: { subject?: string; aspect?: string; level?: string; status?: string; teamId?: string; since?: string; limit: number },
): Promise<{ phrases: Phrase[]; nextSince: string | null }> {
  const where: SQL[] = [phraseVisible(actor)];
  const since = q.since === undefined ? undefined : Number(q.since);
  if (since !== undefined && (!Number.isSafeInteger(since) || since < 0)) throw new ValidationError('Invalid since cursor.', { field: 'since' });
  if (since === undefined) where.push(eq(phrases.deleted, false));
  else where.push(gt(phrases.changeSeq, since));
  if (q.subject) where.push(eq(phrases.subject, q.subject));
  if (q.aspect) where.push(sql`${phrases.aspect} = ${q.aspect}`);
  if (q.level) where.push(sql`${phrases.level} = ${q.level}`);
  if (q.status) where.push(sql`${phrases.status} = ${q.status}`);
  if (q.teamId) where.push(eq(phrases.teamId, q.teamId));
  const rows = await db.select().from(phrases).where(and(...where)).orderBy(asc(phrases.changeSeq)).limit(q.limit);
  const last = rows.at(-1)?.changeSeq;
  return { phrases: rows.map(toPhrase), nextSince: last !== undefined ? String(last) : (q.since ?? null) };
}

export async function getPhrase(db: Executor, actor: Actor, id: string): Promise<Phrase> {
  const [row] = await db.select().from(phrases).where(and(eq(phrases.id, id), phraseVisible(actor), eq(phrases.deleted, false))).limit(1);
  if (!row) throw new NotFoundError('Phrase');
  return toPhrase(row);
}

export async function createPhrase(db: Db, actor: Actor, input: PhraseCreate, at: string): Promise<Phrase> {
  const p = PhraseCreateSchema.parse(input);
  if (p.teamId) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, p.teamId), eq(teams.schoolId, actor.schoolId))).limit(1);
    if (!team || (actor.role !== 'admin' && !actor.teamIds.includes(p.teamId))) throw new NotFoundError('Team');
  }
  const governs = canGovern(actor, p);
  // A teacher's phrase is a proposal until a lead approves it; a lead's or admin's is approved at once.
  const status = p.status ?? (governs ? 'approved' : 'proposed');
  if (status !== 'proposed' && !governs) throw new ForbiddenError('Only a team lead or an admin can approve phrases.');
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(phrases).values({
      id, schoolId: actor.schoolId, scope: p.scope, teamId: p.teamId, text: p.text, subject: p.subject, aspect: p.aspect,
      level: p.level, tags: p.tags, status, authorId: actor.teacherId, changeSeq: nextSeq, createdAt: at, updatedAt: at,
    });
    await recordAudit(tx, { schoolId: actor.schoolId, actorId: actor.teacherId, action: 'create', entity: 'phrase', entityId: id });
  });
  return getPhrase(db, actor, id);
}

export async function updatePhrase(db: Db, actor: Actor, id: string, patch: PhrasePatch, at: string): Promise<Phrase> {
  const current = await getPhrase(db, actor, id);
  const governs = canGovern(actor, current);
  const ownProposal = current.status === 'proposed' && current.authorId === actor.teacherId;
  if (!governs && !ownProposal) throw new ForbiddenError('Only a team lead or an admin can change an approved phrase.');
  if (patch.status && patch.status !== current.status && !governs) throw new ForbiddenError('Only a team lead or an admin can approve or retire phrases.');
  await db.transaction(async (tx) => {
    await tx.update(phrases).set({ ...patch, changeSeq: nextSeq, updatedAt: at }).where(and(eq(phrases.id, id), eq(phrases.schoolId, actor.schoolId)));
    await recordAudit(tx, { schoolId: actor.schoolId, actorId: actor.teacherId, action: 'update', entity: 'phrase', entityId: id });
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
    await tx.update(phrases).set({ deleted: true, changeSeq: nextSeq, updatedAt: at }).where(and(eq(phrases.id, id), eq(phrases.schoolId, actor.schoolId)));
    await recordAudit(tx, { schoolId: actor.schoolId, actorId: actor.teacherId, action: 'delete', entity: 'phrase', entityId: id });
  });
}

/** Usage counts arrive in batches from the palette; ids the actor cannot see are ignored. */
export async function recordPhraseUsage(db: Db, actor: Actor, uses: { id: string; count: number }[]): Promise<number> {
  let applied = 0;
  await db.transaction(async (tx) => {
    for (const u of uses) {
      const res = await tx.update(phrases).set({ usageCount: sql`${phrases.usageCount} + ${u.count}` }).where(and(eq(phrases.id, u.id), phraseVisible(actor)));
      applied += res.rowsAffected;
    }
  });
  return applied;
}
