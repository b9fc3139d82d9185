import { and, desc, eq } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '../../../shared/deadlines/compute';
import { localDate } from '../../../shared/deadlines/dates';
import { schoolYearOf } from '../../../shared/iup/school-year';
import {
  InvitationCreate as CreateSchema,
  type Invitation,
  type InvitationCreate,
  type InvitationMethod,
} from '../../../shared/schemas/samtal';
import type { Actor } from '../../context';
import type { Db, Executor } from '../../db/client';
import { samtalInvitations } from '../../db/schema';
import { NotFoundError } from '../../errors';
import { recordAudit } from '../audit';
import { assertPupilVisible } from '../pupils';

type Row = typeof samtalInvitations.$inferSelect;

const toInvitation = (r: Row): Invitation => ({
  id: r.id,
  pupilId: r.pupilId,
  schoolYear: r.schoolYear,
  sentAt: r.sentAt,
  method: r.method,
  declinedAt: r.declinedAt,
  createdBy: r.createdBy,
});

/** Record invitations inside a transaction the caller owns (letters print and invite at once). */
export async function insertInvitations(
  tx: Executor,
  actor: Actor,
  pupilIds: readonly string[],
  method: InvitationMethod,
  sentAt: string,
  at: string,
): Promise<Invitation[]> {
  const schoolYear = schoolYearOf(localDate(sentAt, DEFAULT_TIME_ZONE));
  const rows: Row[] = [...new Set(pupilIds)].map((pupilId) => ({
    id: crypto.randomUUID(),
    schoolId: actor.schoolId,
    pupilId,
    schoolYear,
    sentAt,
    method,
    declinedAt: null,
    createdBy: actor.teacherId,
    createdAt: at,
  }));
  for (const r of rows) {
    await assertPupilVisible(tx, actor, r.pupilId);
    await tx.insert(samtalInvitations).values(r);
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'create',
      entity: 'samtal-invitation',
      entityId: r.id,
      pupilId: r.pupilId,
    });
  }
  return rows.map(toInvitation);
}

/** That the families were invited (link sent, letter handed out): one record per pupil. */
export async function invite(db: Db, actor: Actor, input: InvitationCreate, at: string): Promise<Invitation[]> {
  const inv = CreateSchema.parse(input);
  const sentAt = inv.sentAt ? new Date(inv.sentAt).toISOString() : at;
  return db.transaction((tx) => insertInvitations(tx, actor, inv.pupilIds, inv.method, sentAt, at));
}

export async function listInvitations(db: Executor, actor: Actor, pupilId: string): Promise<Invitation[]> {
  await assertPupilVisible(db, actor, pupilId);
  const rows = await db
    .select()
    .from(samtalInvitations)
    .where(and(eq(samtalInvitations.pupilId, pupilId), eq(samtalInvitations.schoolId, actor.schoolId)))
    .orderBy(desc(samtalInvitations.sentAt))
    .limit(200);
  return rows.map(toInvitation);
}

/** The family said no (or changed their mind): recorded, never a missed duty. */
export async function setDeclined(
  db: Db,
  actor: Actor,
  id: string,
  declined: boolean,
  at: string,
): Promise<Invitation> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(samtalInvitations)
      .where(and(eq(samtalInvitations.id, id), eq(samtalInvitations.schoolId, actor.schoolId)))
      .limit(1);
    if (!row) throw new NotFoundError('Invitation');
    await assertPupilVisible(tx, actor, row.pupilId);
    const declinedAt = declined ? (row.declinedAt ?? at) : null;
    await tx.update(samtalInvitations).set({ declinedAt }).where(eq(samtalInvitations.id, id));
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'update',
      entity: 'samtal-invitation',
      entityId: id,
      pupilId: row.pupilId,
    });
    return toInvitation({ ...row, declinedAt });
  });
}
