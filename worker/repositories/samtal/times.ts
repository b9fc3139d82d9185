import { and, asc, eq, gte, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '../../../shared/deadlines/compute';
import { bookableTimes } from '../../../shared/samtal/bookable-times';
import {
  SamtalPublish as PublishSchema,
  SamtalTimePatch as PatchSchema,
  type SamtalPublish,
  type SamtalTime,
  type SamtalTimePatch,
} from '../../../shared/schemas/samtal';
import type { Actor } from '../../context';
import type { Db, Executor } from '../../db/client';
import { meetings, pupils, samtalAudience, samtalOffers, samtalTimes } from '../../db/schema';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors';
import { recordAudit } from '../audit';
import { assertPupilVisible } from '../pupils';
import { pupilVisible } from '../visibility';
import { assertGroupsVisible } from './visible-groups';

type TimeRow = typeof samtalTimes.$inferSelect;

/** A live booking points at the time: any meeting of it that is not cancelled. */
export const liveBookingOf = (timeId: SQL | string) =>
  sql`(select m.id from meetings m where m.time_id = ${timeId} and m.status <> 'cancelled' limit 1)`;

/** Publish consecutive times for classes and/or chosen pupils, all in one transaction. */
export async function publishTimes(db: Db, actor: Actor, input: SamtalPublish, at: string): Promise<SamtalTime[]> {
  const p = PublishSchema.parse(input);
  const series = bookableTimes(p, DEFAULT_TIME_ZONE);
  if (!series)
    throw new ValidationError('The times would run past midnight; publish fewer or shorter times.', {
      field: 'count',
    });
  if (Date.parse(series[0]!.startsAt) <= Date.parse(at))
    throw new ValidationError('The first time has already passed.', { field: 'firstStart' });
  const offerId = crypto.randomUUID();
  const ids = series.map(() => crypto.randomUUID());
  await db.transaction(async (tx) => {
    await assertGroupsVisible(tx, actor, p.groupIds);
    for (const id of new Set(p.pupilIds)) await assertPupilVisible(tx, actor, id);
    await tx
      .insert(samtalOffers)
      .values({ id: offerId, schoolId: actor.schoolId, createdBy: actor.teacherId, createdAt: at });
    await tx
      .insert(samtalAudience)
      .values([
        ...[...new Set(p.groupIds)].map((groupId) => ({ offerId, groupId, pupilId: null })),
        ...[...new Set(p.pupilIds)].map((pupilId) => ({ offerId, groupId: null, pupilId })),
      ]);
    await tx.insert(samtalTimes).values(
      series.map((s, i) => ({
        id: ids[i]!,
        schoolId: actor.schoolId,
        offerId,
        startsAt: s.startsAt,
        durationMinutes: s.durationMinutes,
        place: p.place,
        interpreterAvailable: p.interpreterAvailable,
        createdBy: actor.teacherId,
        createdAt: at,
      })),
    );
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'create',
      entity: 'samtal-offer',
      entityId: offerId,
    });
  });
  return timesWhere(db, actor, inArray(samtalTimes.id, ids));
}

/** Times with their audience and booking. Names only of pupils the actor may see. */
async function timesWhere(db: Executor, actor: Actor, where: SQL): Promise<SamtalTime[]> {
  const rows = await db
    .select()
    .from(samtalTimes)
    .where(and(eq(samtalTimes.schoolId, actor.schoolId), where))
    .orderBy(asc(samtalTimes.startsAt))
    .limit(2000);
  if (rows.length === 0) return [];
  const offerIds = [...new Set(rows.map((r) => r.offerId))];
  const [audience, bookings] = await Promise.all([
    db.select().from(samtalAudience).where(inArray(samtalAudience.offerId, offerIds)),
    db
      .select({
        meetingId: meetings.id,
        timeId: meetings.timeId,
        pupilId: meetings.pupilId,
        bookedViaLink: meetings.bookedViaLink,
        interpreterLanguage: meetings.interpreterLanguage,
      })
      .from(meetings)
      .where(
        and(
          inArray(
            meetings.timeId,
            rows.map((r) => r.id),
          ),
          ne(meetings.status, 'cancelled'),
          eq(meetings.schoolId, actor.schoolId),
        ),
      ),
  ]);
  const pupilIds = [...new Set(bookings.map((b) => b.pupilId))];
  const named = pupilIds.length
    ? await db
        .select({ id: pupils.id, firstName: pupils.firstName, lastName: pupils.lastName })
        .from(pupils)
        .where(and(inArray(pupils.id, pupilIds), pupilVisible(actor, { forList: false })))
    : [];
  const names = new Map(named.map((n) => [n.id, n]));
  const bookingOf = new Map(bookings.map((b) => [b.timeId, b]));
  return rows.map((r) => {
    const b = bookingOf.get(r.id);
    const who = b ? names.get(b.pupilId) : undefined;
    return {
      id: r.id,
      startsAt: r.startsAt,
      durationMinutes: r.durationMinutes,
      place: r.place,
      interpreterAvailable: r.interpreterAvailable,
      publishedBy: r.createdBy,
      groupIds: audience.filter((a) => a.offerId === r.offerId && a.groupId).map((a) => a.groupId!),
      pupilIds: audience.filter((a) => a.offerId === r.offerId && a.pupilId).map((a) => a.pupilId!),
      booking: b
        ? {
            meetingId: b.meetingId,
            pupilId: b.pupilId,
            firstName: who?.firstName ?? '',
            lastName: who?.lastName ?? '',
            bookedBy: b.bookedViaLink ? 'family' : 'teacher',
            interpreterLanguage: b.interpreterLanguage,
          }
        : null,
    };
  });
}

/** The offers whose audience includes the pupil, directly or through one of the pupil's groups. */
export const offersForPupil = (pupilId: string) =>
  sql`(select a.offer_id from samtal_audience a where a.pupil_id = ${pupilId}
    union select a.offer_id from samtal_audience a join group_members gm on gm.group_id = a.group_id where gm.pupil_id = ${pupilId})`;

/**
 * Times the teacher works with: those she published; or, with a filter, those offered to a class
 * she may see or to a pupil she may see (and the pupil's booked one). An admin sees the school's.
 */
export async function listTimes(
  db: Executor,
  actor: Actor,
  q: { groupId?: string; pupilId?: string; from?: string; to?: string },
  at: string,
): Promise<SamtalTime[]> {
  const where: SQL[] = [gte(samtalTimes.startsAt, new Date(q.from ?? Date.parse(at) - 86_400_000).toISOString())];
  if (q.to) where.push(lte(samtalTimes.startsAt, new Date(q.to).toISOString()));
  if (q.groupId) {
    await assertGroupsVisible(db, actor, [q.groupId]);
    where.push(
      inArray(
        samtalTimes.offerId,
        db.select({ id: samtalAudience.offerId }).from(samtalAudience).where(eq(samtalAudience.groupId, q.groupId)),
      ),
    );
  }
  if (q.pupilId) {
    await assertPupilVisible(db, actor, q.pupilId);
    where.push(
      or(
        sql`${samtalTimes.offerId} in ${offersForPupil(q.pupilId)}`,
        sql`${samtalTimes.id} in (select m.time_id from meetings m where m.pupil_id = ${q.pupilId} and m.status <> 'cancelled')`,
      )!,
    );
  }
  if (!q.groupId && !q.pupilId && actor.role !== 'admin') where.push(eq(samtalTimes.createdBy, actor.teacherId));
  return timesWhere(db, actor, and(...where)!);
}

/** A time of the actor's school that she may change: her own, or any as an admin. */
async function ownTime(db: Executor, actor: Actor, id: string): Promise<TimeRow> {
  const [row] = await db
    .select()
    .from(samtalTimes)
    .where(and(eq(samtalTimes.id, id), eq(samtalTimes.schoolId, actor.schoolId)))
    .limit(1);
  if (!row) throw new NotFoundError('Samtal time');
  if (row.createdBy !== actor.teacherId && actor.role !== 'admin')
    throw new ForbiddenError('Only the teacher who published the time (or an admin) can change it.');
  return row;
}

/**
 * Edit a time. A booked time moves its samtal along (new SEQUENCE for calendars): the family sees
 * the new time on their page and in their calendar.
 */
export async function updateTime(
  db: Db,
  actor: Actor,
  id: string,
  input: SamtalTimePatch,
  at: string,
): Promise<SamtalTime> {
  const patch = PatchSchema.parse(input);
  await db.transaction(async (tx) => {
    const row = await ownTime(tx, actor, id);
    const startsAt = patch.startsAt ? new Date(patch.startsAt).toISOString() : row.startsAt;
    await tx
      .update(samtalTimes)
      .set({ ...patch, startsAt })
      .where(eq(samtalTimes.id, id));
    const [live] = await tx
      .select({ id: meetings.id, pupilId: meetings.pupilId })
      .from(meetings)
      .where(and(eq(meetings.timeId, id), ne(meetings.status, 'cancelled')))
      .limit(1);
    if (live && (patch.startsAt || patch.durationMinutes || patch.place)) {
      await tx
        .update(meetings)
        .set({
          startsAt,
          durationMinutes: patch.durationMinutes ?? row.durationMinutes,
          place: patch.place ?? row.place,
          sequence: sql`${meetings.sequence} + 1`,
          updatedAt: at,
        })
        .where(eq(meetings.id, live.id));
      await recordAudit(tx, {
        schoolId: actor.schoolId,
        actorId: actor.teacherId,
        action: 'update',
        entity: 'meeting',
        entityId: live.id,
        pupilId: live.pupilId,
      });
    }
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'update',
      entity: 'samtal-time',
      entityId: id,
    });
  });
  const [time] = await timesWhere(db, actor, eq(samtalTimes.id, id));
  return time!;
}

/** Withdraw a free time. A booked one is moved or cancelled first, so no family loses a time unseen. */
export async function withdrawTime(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    await ownTime(tx, actor, id);
    const [live] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.timeId, id), ne(meetings.status, 'cancelled')))
      .limit(1);
    if (live) throw new ConflictError('The time is booked: move or cancel the booking first.');
    await tx.delete(samtalTimes).where(eq(samtalTimes.id, id));
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'delete',
      entity: 'samtal-time',
      entityId: id,
    });
  });
}

/** Free times offered to the pupil that start after `after`, earliest first. */
export async function freeTimesForPupil(
  db: Executor,
  schoolId: string,
  pupilId: string,
  after: string,
): Promise<TimeRow[]> {
  return db
    .select()
    .from(samtalTimes)
    .where(
      and(
        sql`${samtalTimes.offerId} in ${offersForPupil(pupilId)}`,
        eq(samtalTimes.schoolId, schoolId),
        gte(samtalTimes.startsAt, after),
        sql`not exists (select 1 from meetings m where m.time_id = ${samtalTimes.id} and m.status <> 'cancelled')`,
      ),
    )
    .orderBy(asc(samtalTimes.startsAt))
    .limit(200);
}
