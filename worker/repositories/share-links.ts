import { and, desc, eq, sql } from 'drizzle-orm';
import {
  SHARE_WRITES_PER_HOUR,
  type ShareComment,
  type ShareCommentAuthor,
  type ShareLink,
  type ShareLinkCreate,
  ShareLinkCreate as CreateSchema,
} from '../../shared/schemas/share';
import type { IupSections } from '../../shared/schemas/iup';
import type { IupTemplate } from '../../shared/schemas/template';
import { generateShareToken, hashToken } from '../auth/tokens';
import type { Actor } from '../context';
import type { Db, Executor } from '../db/client';
import { iupDocuments, meetings, pupils, schools, shareComments, shareLinks } from '../db/schema';
import { agreementsOfRecord } from '../../shared/samtal/agreements-of-record';
import type { Agreement } from '../../shared/schemas/meeting';
import { NotFoundError, RateLimitedError } from '../errors';
import { recordAudit } from './audit';
import { familyAgreements, type FamilyAgreements } from './samtal/acknowledgements';
import { familySamtal, type FamilySamtal } from './samtal/family';
import { familyPreparation } from './samtal/preparation';
import type { PreparationView } from '../../shared/schemas/preparation';
import { assertPupilVisible } from './pupils';

type LinkRow = typeof shareLinks.$inferSelect;

const stateOf = (l: Pick<LinkRow, 'revokedAt' | 'expiresAt'>, at: string): ShareLink['state'] =>
  l.revokedAt ? 'revoked' : l.expiresAt <= at ? 'expired' : 'active';

const toLink = (l: LinkRow, at: string): ShareLink => ({
  id: l.id,
  pupilId: l.pupilId,
  schoolYear: l.schoolYear,
  createdBy: l.createdBy,
  createdAt: l.createdAt,
  expiresAt: l.expiresAt,
  revokedAt: l.revokedAt,
  label: l.label,
  state: stateOf(l, at),
});

/**
 * A new link's token and its hash. Made before the transaction that stores it: hashing is truly
 * asynchronous (WebCrypto), and the embedded database's one connection must not sit in an open
 * transaction while other requests run.
 */
export async function newShareToken(): Promise<{ token: string; hash: string }> {
  const token = generateShareToken();
  return { token, hash: await hashToken(token) };
}

/** A new link row inside the caller's transaction; the pupil must already be checked as visible. */
export async function insertShareLink(
  tx: Executor,
  actor: Actor,
  pupilId: string,
  opts: { schoolYear: string; days: number; label: string | null },
  at: string,
  { token, hash }: { token: string; hash: string },
): Promise<{ link: ShareLink; token: string }> {
  const row: LinkRow = {
    id: crypto.randomUUID(),
    schoolId: actor.schoolId,
    pupilId,
    schoolYear: opts.schoolYear,
    hash,
    label: opts.label,
    createdBy: actor.teacherId,
    createdAt: at,
    expiresAt: new Date(Date.parse(at) + opts.days * 86_400_000).toISOString(),
    revokedAt: null,
    writeWindowStart: null,
    writeCount: 0,
  };
  await tx.insert(shareLinks).values(row);
  await recordAudit(tx, {
    schoolId: actor.schoolId,
    actorId: actor.teacherId,
    action: 'create',
    entity: 'share-link',
    entityId: row.id,
    pupilId,
  });
  return { link: toLink(row, at), token };
}

/**
 * A new link for a pupil the teacher may see. The token is returned once; only its hash is kept.
 * Each household can get its own link (`label`); all of a pupil's links show the same plan and booking.
 */
export async function createShareLink(
  db: Db,
  actor: Actor,
  pupilId: string,
  input: ShareLinkCreate,
  at: string,
): Promise<{ link: ShareLink; token: string }> {
  const { schoolYear, days, label } = CreateSchema.parse(input);
  const secret = await newShareToken();
  return db.transaction(async (tx) => {
    await assertPupilVisible(tx, actor, pupilId);
    return insertShareLink(tx, actor, pupilId, { schoolYear, days, label: label ?? null }, at, secret);
  });
}

export async function listShareLinks(db: Executor, actor: Actor, pupilId: string, at: string): Promise<ShareLink[]> {
  await assertPupilVisible(db, actor, pupilId);
  const rows = await db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.pupilId, pupilId), eq(shareLinks.schoolId, actor.schoolId)))
    .orderBy(desc(shareLinks.createdAt));
  return rows.map((r) => toLink(r, at));
}

export async function revokeShareLink(db: Db, actor: Actor, id: string, at: string): Promise<ShareLink> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(shareLinks)
      .where(and(eq(shareLinks.id, id), eq(shareLinks.schoolId, actor.schoolId)))
      .limit(1);
    if (!row) throw new NotFoundError('Share link');
    await assertPupilVisible(tx, actor, row.pupilId);
    const revokedAt = row.revokedAt ?? at;
    await tx.update(shareLinks).set({ revokedAt }).where(eq(shareLinks.id, id));
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'delete',
      entity: 'share-link',
      entityId: id,
      pupilId: row.pupilId,
    });
    return toLink({ ...row, revokedAt }, at);
  });
}

export type ResolvedShare = { state: 'unknown' } | { state: 'expired' | 'revoked' | 'active'; link: LinkRow };

/** What a token opens. Unknown, expired and revoked links show nothing of the pupil. */
export async function resolveShareToken(db: Executor, token: string, at: string): Promise<ResolvedShare> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { state: 'unknown' };
  const [link] = await db
    .select()
    .from(shareLinks)
    .where(eq(shareLinks.hash, await hashToken(token)))
    .limit(1);
  if (!link) return { state: 'unknown' };
  return { state: stateOf(link, at), link };
}

export interface SharedIup {
  schoolName: string;
  template: IupTemplate;
  pupil: { firstName: string; lastName: string; arskurs: number };
  schoolYear: string;
  sections: IupSections | null;
  comments: ShareComment[];
  samtal: FamilySamtal;
  agreements: FamilyAgreements | null;
  preparation: PreparationView;
  /** The agreements the IUP shows: the samtal of record's (see `agreementsOfRecord`). */
  samtalAgreements: Agreement[] | null;
}

/**
 * Exactly what the link's page shows: one pupil's name and årskurs, that läsår's IUP and the two
 * comment sections, and the pupil's samtal booking and free times — nothing else about the school. Every view is audit-logged (no actor: the
 * reader is not signed in).
 */
export async function viewSharedIup(db: Db, link: LinkRow, at: string): Promise<SharedIup> {
  const [[pupil], [school], [doc], comments, samtal, agreements, preparation] = await Promise.all([
    db
      .select({ firstName: pupils.firstName, lastName: pupils.lastName, arskurs: pupils.arskurs })
      .from(pupils)
      .where(and(eq(pupils.id, link.pupilId), eq(pupils.schoolId, link.schoolId)))
      .limit(1),
    db
      .select({ name: schools.name, template: schools.template })
      .from(schools)
      .where(eq(schools.id, link.schoolId))
      .limit(1),
    db
      .select({ sections: iupDocuments.sections, agreedMeetingId: iupDocuments.agreedMeetingId })
      .from(iupDocuments)
      .where(and(eq(iupDocuments.pupilId, link.pupilId), eq(iupDocuments.schoolYear, link.schoolYear)))
      .limit(1),
    commentsFor(db, link.schoolId, link.pupilId, link.schoolYear),
    familySamtal(db, link, at),
    familyAgreements(db, link),
    familyPreparation(db, link),
  ]);
  const held = await db
    .select({ id: meetings.id, startsAt: meetings.startsAt, status: meetings.status, agreements: meetings.agreements })
    .from(meetings)
    .where(and(eq(meetings.pupilId, link.pupilId), eq(meetings.schoolId, link.schoolId), eq(meetings.status, 'held')));
  if (!pupil || !school) throw new NotFoundError('Share link');
  await recordAudit(db, {
    schoolId: link.schoolId,
    actorId: null,
    action: 'view',
    entity: 'share-link',
    entityId: link.id,
    pupilId: link.pupilId,
  });
  return {
    schoolName: school.name,
    template: school.template,
    pupil,
    schoolYear: link.schoolYear,
    sections: doc?.sections ?? null,
    comments,
    samtal,
    agreements,
    preparation,
    samtalAgreements: agreementsOfRecord(held, doc?.agreedMeetingId ?? null, link.schoolYear),
  };
}

const commentsFor = (db: Executor, schoolId: string, pupilId: string, schoolYear: string): Promise<ShareComment[]> =>
  db
    .select({ author: shareComments.author, text: shareComments.text, updatedAt: shareComments.updatedAt })
    .from(shareComments)
    .where(
      and(
        eq(shareComments.schoolId, schoolId),
        eq(shareComments.pupilId, pupilId),
        eq(shareComments.schoolYear, schoolYear),
      ),
    );

/**
 * Charge one write to the link (comments and bookings share the limit). One conditional UPDATE,
 * so two requests at once cannot both pass the last slot; past it, a 429 and nothing written.
 */
export async function countLinkWrite(tx: Executor, link: LinkRow, at: string): Promise<void> {
  const windowStart = new Date(Date.parse(at) - 3_600_000).toISOString();
  const counted = await tx
    .update(shareLinks)
    .set({
      writeWindowStart: sql`case when ${shareLinks.writeWindowStart} is null or ${shareLinks.writeWindowStart} <= ${windowStart} then ${at} else ${shareLinks.writeWindowStart} end`,
      writeCount: sql`case when ${shareLinks.writeWindowStart} is null or ${shareLinks.writeWindowStart} <= ${windowStart} then 1 else ${shareLinks.writeCount} + 1 end`,
    })
    .where(
      and(
        eq(shareLinks.id, link.id),
        sql`(${shareLinks.writeWindowStart} is null or ${shareLinks.writeWindowStart} <= ${windowStart} or ${shareLinks.writeCount} < ${SHARE_WRITES_PER_HOUR})`,
      ),
    );
  if (counted.rowsAffected === 0)
    throw new RateLimitedError(
      'This link has been used to save many times in the last hour; wait a while and try again.',
    );
}

/**
 * Write the pupil's or the guardians' "Inför samtalet" text through an active link. The write
 * limit is one conditional UPDATE, so two requests at once cannot both pass the last slot.
 */
export async function writeShareComment(
  db: Db,
  link: LinkRow,
  author: ShareCommentAuthor,
  text: string,
  at: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await countLinkWrite(tx, link, at);
    if (text === '') {
      await tx
        .delete(shareComments)
        .where(
          and(
            eq(shareComments.pupilId, link.pupilId),
            eq(shareComments.schoolYear, link.schoolYear),
            eq(shareComments.author, author),
          ),
        );
    } else {
      await tx
        .insert(shareComments)
        .values({
          schoolId: link.schoolId,
          pupilId: link.pupilId,
          schoolYear: link.schoolYear,
          author,
          text,
          linkId: link.id,
          updatedAt: at,
        })
        .onConflictDoUpdate({
          target: [shareComments.pupilId, shareComments.schoolYear, shareComments.author],
          set: { text, linkId: link.id, updatedAt: at },
        });
    }
    await recordAudit(tx, {
      schoolId: link.schoolId,
      actorId: null,
      action: 'update',
      entity: 'share-comment',
      entityId: link.id,
      pupilId: link.pupilId,
    });
  });
}

/** The pupil's and guardians' input for the teacher's panel. */
export async function listShareComments(
  db: Executor,
  actor: Actor,
  pupilId: string,
  schoolYear: string,
): Promise<ShareComment[]> {
  await assertPupilVisible(db, actor, pupilId);
  return commentsFor(db, actor.schoolId, pupilId, schoolYear);
}
