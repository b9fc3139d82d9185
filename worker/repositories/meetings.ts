import { and, asc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Meeting, MeetingCreate, MeetingPatch } from '../../shared/index';
import { MeetingCreate as MeetingCreateSchema } from '../../shared/index';
import type { Actor } from '../context';
import type { Db, Executor } from '../db/client';
import { meetings, pupils, samtalAcknowledgements } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { recordAudit } from './audit';
import { isUniqueViolation } from './samtal/unique-violation';
import { assertPupilVisible } from './pupils';
import { ofActorsSchool, pupilVisible } from './visibility';

type MeetingRow = typeof meetings.$inferSelect;

const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  pupilId: r.pupilId,
  startsAt: r.startsAt,
  durationMinutes: r.durationMinutes,
  status: r.status,
  agreements: r.agreements,
  place: r.place,
  timeId: r.timeId,
  bookedBy: r.bookedViaLink ? 'family' : 'teacher',
  interpreterLanguage: r.interpreterLanguage,
  participants: r.participants ?? null,
  followUp: r.followUp,
  heldAt: r.heldAt,
  heldBy: r.heldBy,
  createdBy: r.createdBy,
  updatedAt: r.updatedAt,
});

/** Normalise to UTC so text comparison orders correctly. */
const utc = (iso: string) => new Date(iso).toISOString();

export async function listMeetings(
  db: Executor,
  actor: Actor,
  q: { pupilId?: string; from?: string; to?: string; status?: Meeting['status'] },
): Promise<Meeting[]> {
  const where: SQL[] = [ofActorsSchool(actor, meetings.schoolId), pupilVisible(actor, { forList: true })];
  if (q.pupilId) where.push(eq(meetings.pupilId, q.pupilId));
  if (q.from) where.push(gte(meetings.startsAt, utc(q.from)));
  if (q.to) where.push(lte(meetings.startsAt, utc(q.to)));
  if (q.status) where.push(eq(meetings.status, q.status));
  const rows = await db
    .select({ m: meetings })
    .from(meetings)
    .innerJoin(pupils, eq(pupils.id, meetings.pupilId))
    .where(and(...where))
    .orderBy(asc(meetings.startsAt))
    .limit(5000);
  return rows.map((r) => toMeeting(r.m));
}

export async function getMeeting(db: Executor, actor: Actor, id: string): Promise<Meeting> {
  const [row] = await db
    .select({ m: meetings })
    .from(meetings)
    .innerJoin(pupils, eq(pupils.id, meetings.pupilId))
    .where(and(eq(meetings.id, id), eq(meetings.schoolId, actor.schoolId), pupilVisible(actor, { forList: false })))
    .limit(1);
  if (!row) throw new NotFoundError('Meeting');
  return toMeeting(row.m);
}

export async function createMeeting(db: Db, actor: Actor, input: MeetingCreate, at: string): Promise<Meeting> {
  const m = MeetingCreateSchema.parse(input);
  const id = crypto.randomUUID();
  await db.transaction(async (tx) => {
    await assertPupilVisible(tx, actor, m.pupilId);
    await tx.insert(meetings).values({
      id,
      schoolId: actor.schoolId,
      pupilId: m.pupilId,
      startsAt: utc(m.startsAt),
      durationMinutes: m.durationMinutes,
      status: m.status,
      agreements: m.agreements,
      place: m.place ?? null,
      ...(m.status === 'held' ? { heldAt: at, heldBy: actor.teacherId } : {}),
      createdBy: actor.teacherId,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'create',
      entity: 'meeting',
      entityId: id,
      pupilId: m.pupilId,
    });
  });
  return getMeeting(db, actor, id);
}

export async function updateMeeting(
  db: Db,
  actor: Actor,
  id: string,
  patch: MeetingPatch,
  at: string,
): Promise<Meeting> {
  await db
    .transaction(async (tx) => {
      const before = await getMeeting(tx, actor, id);
      await tx
        .update(meetings)
        .set({
          ...patch,
          ...(patch.startsAt ? { startsAt: utc(patch.startsAt) } : {}),
          // Held: when and by whom, for the record; set again if it is marked held anew.
          ...(patch.status === 'held' && before.status !== 'held' ? { heldAt: at, heldBy: actor.teacherId } : {}),
          ...(patch.status && patch.status !== 'held' ? { heldAt: null, heldBy: null } : {}),
          // What a calendar shows changed: subscribers update the same event.
          ...(patch.startsAt || patch.durationMinutes || patch.place || patch.status
            ? { sequence: sql`${meetings.sequence} + 1` }
            : {}),
          updatedAt: at,
        })
        .where(and(eq(meetings.id, id), eq(meetings.schoolId, actor.schoolId)));
      await recordAudit(tx, {
        schoolId: actor.schoolId,
        actorId: actor.teacherId,
        action: 'update',
        entity: 'meeting',
        entityId: id,
        pupilId: before.pupilId,
      });
    })
    .catch((err: unknown) => {
      // A cancelled booking set back to planned while someone else has its time.
      if (isUniqueViolation(err)) throw new ConflictError('The time of this samtal has been booked by someone else.');
      throw err;
    });
  return getMeeting(db, actor, id);
}

export async function deleteMeeting(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getMeeting(tx, actor, id);
    await tx.delete(samtalAcknowledgements).where(eq(samtalAcknowledgements.meetingId, id));
    await tx.delete(meetings).where(and(eq(meetings.id, id), eq(meetings.schoolId, actor.schoolId)));
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'delete',
      entity: 'meeting',
      entityId: id,
      pupilId: before.pupilId,
    });
  });
}
