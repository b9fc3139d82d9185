import { and, asc, eq, gte, isNotNull, ne, sql } from 'drizzle-orm';
import { TeacherBooking as BookingSchema, type TeacherBooking } from '../../../shared/schemas/samtal';
import type { Meeting } from '../../../shared/schemas/meeting';
import type { Actor } from '../../context';
import type { Db, Executor, Tx } from '../../db/client';
import { meetings, samtalTimes, type shareLinks } from '../../db/schema';
import { ConflictError, NotFoundError } from '../../errors';
import { recordAudit } from '../audit';
import { getMeeting } from '../meetings';
import { assertPupilVisible } from '../pupils';
import { offersForPupil } from './times';
import { isUniqueViolation } from './unique-violation';

type LinkRow = typeof shareLinks.$inferSelect;
type TimeRow = typeof samtalTimes.$inferSelect;
type MeetingRow = typeof meetings.$inferSelect;

/** Someone else booked the time first; the caller shows the times still free. */
export class TimeTakenError extends ConflictError {
  constructor() {
    super('The time was just booked by someone else; choose another.', { reason: 'taken' });
  }
}

const unreachable = (): never => {
  throw new Error('A booking names a time or a start.');
};

async function timeOfSchool(tx: Executor, schoolId: string, id: string): Promise<TimeRow> {
  const [row] = await tx
    .select()
    .from(samtalTimes)
    .where(and(eq(samtalTimes.id, id), eq(samtalTimes.schoolId, schoolId)))
    .limit(1);
  if (!row) throw new NotFoundError('Samtal time');
  return row;
}

/**
 * Run a write that puts a meeting in a time. The partial unique index on meetings.time_id
 * (live meetings only) decides who got it, whatever the concurrency: the loser gets "taken".
 */
async function claiming<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new TimeTakenError();
    throw err;
  }
}

/** A teacher books a pupil into a published free time, or at a time agreed by phone. */
export async function bookForPupil(db: Db, actor: Actor, input: TeacherBooking, at: string): Promise<Meeting> {
  const b = BookingSchema.parse(input);
  const id = crypto.randomUUID();
  await claiming(() =>
    db.transaction(async (tx) => {
      await assertPupilVisible(tx, actor, b.pupilId);
      const time = 'timeId' in b ? await timeOfSchool(tx, actor.schoolId, b.timeId) : null;
      await tx.insert(meetings).values({
        id,
        schoolId: actor.schoolId,
        pupilId: b.pupilId,
        ...(time
          ? { startsAt: time.startsAt, durationMinutes: time.durationMinutes, place: time.place }
          : 'startsAt' in b
            ? { startsAt: new Date(b.startsAt).toISOString(), durationMinutes: b.durationMinutes, place: b.place }
            : unreachable()),
        status: 'planned',
        agreements: [],
        timeId: time?.id ?? null,
        createdBy: actor.teacherId,
        createdAt: at,
        updatedAt: at,
      });
      await recordAudit(tx, {
        schoolId: actor.schoolId,
        actorId: actor.teacherId,
        action: 'create',
        entity: 'samtal-booking',
        entityId: id,
        pupilId: b.pupilId,
      });
    }),
  );
  return getMeeting(db, actor, id);
}

/** Move a meeting into another time; the calendars get the same event with a new SEQUENCE. */
async function moveInto(
  tx: Tx,
  meetingId: string,
  time: TimeRow,
  at: string,
  extra: Partial<Pick<MeetingRow, 'interpreterLanguage' | 'bookedViaLink'>> = {},
) {
  await tx
    .update(meetings)
    .set({
      timeId: time.id,
      startsAt: time.startsAt,
      durationMinutes: time.durationMinutes,
      place: time.place,
      status: 'planned',
      sequence: sql`${meetings.sequence} + 1`,
      updatedAt: at,
      ...extra,
    })
    .where(eq(meetings.id, meetingId));
}

/** The teacher moves a booked samtal to another published time. */
export async function moveBooking(
  db: Db,
  actor: Actor,
  meetingId: string,
  timeId: string,
  at: string,
): Promise<Meeting> {
  await claiming(() =>
    db.transaction(async (tx) => {
      const m = await getMeeting(tx, actor, meetingId);
      if (m.status !== 'planned') throw new ConflictError('Only a planned samtal can be moved.');
      const time = await timeOfSchool(tx, actor.schoolId, timeId);
      await moveInto(tx, meetingId, time, at);
      await recordAudit(tx, {
        schoolId: actor.schoolId,
        actorId: actor.teacherId,
        action: 'update',
        entity: 'samtal-booking',
        entityId: meetingId,
        pupilId: m.pupilId,
      });
    }),
  );
  return getMeeting(db, actor, meetingId);
}

/** Cancel a booked samtal: its time is free again, and calendars show the event cancelled. */
export async function cancelBooking(db: Db, actor: Actor, meetingId: string, at: string): Promise<Meeting> {
  await db.transaction(async (tx) => {
    const m = await getMeeting(tx, actor, meetingId);
    if (m.status !== 'planned') throw new ConflictError('Only a planned samtal can be cancelled.');
    await tx
      .update(meetings)
      .set({ status: 'cancelled', sequence: sql`${meetings.sequence} + 1`, updatedAt: at })
      .where(eq(meetings.id, meetingId));
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'delete',
      entity: 'samtal-booking',
      entityId: meetingId,
      pupilId: m.pupilId,
    });
  });
  return getMeeting(db, actor, meetingId);
}

/** The pupil's next planned samtal (from `at` on), the one a family link shows and may change. */
export async function upcomingBooking(db: Executor, link: LinkRow, at: string): Promise<MeetingRow | null> {
  const [row] = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.pupilId, link.pupilId),
        eq(meetings.schoolId, link.schoolId),
        eq(meetings.status, 'planned'),
        gte(meetings.startsAt, at),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  return row ?? null;
}

export type FamilyRefusal = 'too-late' | 'not-offered' | 'fixed-by-teacher';

export class FamilyBookingError extends ConflictError {
  constructor(readonly refusal: FamilyRefusal) {
    super(`Booking refused: ${refusal}.`, { reason: refusal });
  }
}

const cutoffInstant = (at: string, hours: number) => new Date(Date.parse(at) + hours * 3_600_000).toISOString();

/**
 * A family books (or rebooks) through the pupil's link: only a time offered to that pupil, free,
 * and starting after the cut-off. A rebook moves the pupil's booked samtal, so there is one
 * samtal and one calendar event. `count` charges the link's write limit inside the transaction.
 */
export async function familyBook(
  db: Db,
  link: LinkRow,
  timeId: string,
  interpreterLanguage: string | null,
  at: string,
  cutoffHours: number,
  count: (tx: Tx) => Promise<void>,
): Promise<void> {
  const cutoff = cutoffInstant(at, cutoffHours);
  await claiming(() =>
    db.transaction(async (tx) => {
      await count(tx);
      const [time] = await tx
        .select()
        .from(samtalTimes)
        .where(
          and(
            eq(samtalTimes.id, timeId),
            eq(samtalTimes.schoolId, link.schoolId),
            sql`${samtalTimes.offerId} in ${offersForPupil(link.pupilId)}`,
          ),
        )
        .limit(1);
      if (!time) throw new FamilyBookingError('not-offered');
      if (time.startsAt <= cutoff) throw new FamilyBookingError('too-late');
      const current = await upcomingBooking(tx, link, at);
      if (current && current.timeId === null) throw new FamilyBookingError('fixed-by-teacher');
      if (current && current.startsAt <= cutoff) throw new FamilyBookingError('too-late');
      let meetingId: string;
      if (current) {
        meetingId = current.id;
        await moveInto(tx, meetingId, time, at, { interpreterLanguage, bookedViaLink: link.id });
      } else {
        meetingId = crypto.randomUUID();
        await tx.insert(meetings).values({
          id: meetingId,
          schoolId: link.schoolId,
          pupilId: link.pupilId,
          startsAt: time.startsAt,
          durationMinutes: time.durationMinutes,
          status: 'planned',
          agreements: [],
          place: time.place,
          timeId: time.id,
          bookedViaLink: link.id,
          interpreterLanguage,
          // The samtal is the publishing teacher's: it goes into her calendar feed.
          createdBy: time.createdBy,
          createdAt: at,
          updatedAt: at,
        });
      }
      await recordAudit(tx, {
        schoolId: link.schoolId,
        actorId: null,
        linkId: link.id,
        action: current ? 'update' : 'create',
        entity: 'samtal-booking',
        entityId: meetingId,
        pupilId: link.pupilId,
      });
    }),
  );
}

/** A family cancels the booked time through the link, before the cut-off. */
export async function familyCancel(
  db: Db,
  link: LinkRow,
  at: string,
  cutoffHours: number,
  count: (tx: Tx) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await count(tx);
    const current = await upcomingBooking(tx, link, at);
    if (!current) return;
    if (current.timeId === null) throw new FamilyBookingError('fixed-by-teacher');
    if (current.startsAt <= cutoffInstant(at, cutoffHours)) throw new FamilyBookingError('too-late');
    await tx
      .update(meetings)
      .set({ status: 'cancelled', sequence: sql`${meetings.sequence} + 1`, updatedAt: at })
      .where(and(eq(meetings.id, current.id), isNotNull(meetings.timeId), ne(meetings.status, 'cancelled')));
    await recordAudit(tx, {
      schoolId: link.schoolId,
      actorId: null,
      linkId: link.id,
      action: 'delete',
      entity: 'samtal-booking',
      entityId: current.id,
      pupilId: link.pupilId,
    });
  });
}
