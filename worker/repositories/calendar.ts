import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Actor } from '../context';
import type { Executor } from '../db/client';
import { calendarFeeds, meetings, pupils, teachers } from '../db/schema';
import { generateToken, hashToken } from '../auth/tokens';
import { findActorByTeacher } from './tokens';
import { NotFoundError } from '../errors';
import { recordAudit } from './audit';
import { pupilVisible } from './visibility';

export interface FeedMeeting {
  id: string;
  startsAt: string;
  durationMinutes: number;
  firstName: string;
  lastName: string;
  securityMarked: boolean;
  status: 'planned' | 'held' | 'cancelled';
  sequence: number;
  place: string | null;
}

/** The teacher's planned (and cancelled) samtal: those they booked or of pupils they mentor, from `since` on. */
export async function plannedMeetingsFor(db: Executor, actor: Actor, since: string): Promise<FeedMeeting[]> {
  return db
    .select({
      id: meetings.id,
      startsAt: meetings.startsAt,
      durationMinutes: meetings.durationMinutes,
      firstName: pupils.firstName,
      lastName: pupils.lastName,
      securityMarked: pupils.securityMarked,
      status: meetings.status,
      sequence: meetings.sequence,
      place: meetings.place,
    })
    .from(meetings)
    .innerJoin(pupils, eq(pupils.id, meetings.pupilId))
    .where(
      and(
        // Her own samtal, found from her rows (booked by her; of her mentees), never by walking the school's.
        sql`${meetings.id} in (select id from meetings where created_by = ${actor.teacherId} and starts_at >= ${since}
        union select m.id from mentors me join meetings m on m.pupil_id = me.pupil_id where me.teacher_id = ${actor.teacherId} and m.starts_at >= ${since})`,
        sql`+${meetings.schoolId} = ${actor.schoolId}`,
        // Cancelled ones too: a subscribed calendar removes the event only when told it is cancelled.
        ne(meetings.status, 'held'),
        pupilVisible(actor, { forList: false, joined: true }),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .limit(2000);
}

export async function createFeed(db: Executor, actor: Actor): Promise<{ id: string; token: string }> {
  const token = generateToken();
  const id = crypto.randomUUID();
  await db.insert(calendarFeeds).values({ id, teacherId: actor.teacherId, hash: await hashToken(token) });
  await recordAudit(db, {
    schoolId: actor.schoolId,
    actorId: actor.teacherId,
    action: 'create',
    entity: 'calendar-feed',
    entityId: id,
  });
  return { id, token };
}

export async function listFeeds(db: Executor, actor: Actor) {
  return db
    .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.teacherId, actor.teacherId));
}

export async function revokeFeed(db: Executor, actor: Actor, id: string, at: string): Promise<void> {
  const res = await db
    .update(calendarFeeds)
    .set({ revokedAt: at })
    .where(
      and(eq(calendarFeeds.id, id), eq(calendarFeeds.teacherId, actor.teacherId), isNull(calendarFeeds.revokedAt)),
    );
  if (res.rowsAffected === 0) throw new NotFoundError('Calendar feed');
  await recordAudit(db, {
    schoolId: actor.schoolId,
    actorId: actor.teacherId,
    action: 'delete',
    entity: 'calendar-feed',
    entityId: id,
  });
}

/** The teacher a feed token belongs to, as an actor, or null for unknown or revoked tokens. */
export async function actorForFeedToken(db: Executor, token: string): Promise<Actor | null> {
  const [row] = await db
    .select({ teacherId: calendarFeeds.teacherId })
    .from(calendarFeeds)
    .innerJoin(teachers, eq(teachers.id, calendarFeeds.teacherId))
    .where(and(eq(calendarFeeds.hash, await hashToken(token)), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  return row ? findActorByTeacher(db, row.teacherId) : null;
}
