import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '../../../shared/deadlines/compute';
import { addDays, localDate } from '../../../shared/deadlines/dates';
import { schoolYearOf } from '../../../shared/iup/school-year';
import { samtalSpan } from '../../../shared/samtal/samtal-span';
import {
  LettersRequest as LettersSchema,
  type ClassView,
  type Invitation,
  type Letters,
  type LettersRequest,
} from '../../../shared/schemas/samtal';
import type { Actor } from '../../context';
import type { Db, Executor } from '../../db/client';
import {
  groupMembers,
  groups,
  meetings,
  pupils,
  samtalAudience,
  samtalInvitations,
  samtalTimes,
} from '../../db/schema';
import { insertShareLink, newShareToken } from '../share-links';
import { getSchool } from '../schools';
import { pupilVisible } from '../visibility';
import { insertInvitations } from './invitations';
import { freeTimesForPupil } from './times';
import { groupVisible, visibleGroup } from './visible-groups';

/** The classes the teacher plans samtal for, with how many of their pupils she sees. */
export async function listClasses(db: Executor, actor: Actor) {
  const rows = await db
    .select({ id: groups.id, name: groups.name, pupils: sql<number>`count(${pupils.id})` })
    .from(groups)
    .innerJoin(groupMembers, eq(groupMembers.groupId, groups.id))
    .innerJoin(pupils, eq(pupils.id, groupMembers.pupilId))
    .where(and(eq(groups.type, 'klass'), groupVisible(actor), pupilVisible(actor, { forList: false, joined: true })))
    .groupBy(groups.id)
    .orderBy(asc(groups.name))
    .limit(500);
  return rows.map((r) => ({ id: r.id, name: r.name, pupils: Number(r.pupils) }));
}

/**
 * Per pupil of a class: booked in this round, invited (or declined) but not booked, or not
 * invited — and how many of the times offered to the class are still free.
 */
export async function classView(db: Executor, actor: Actor, groupId: string, at: string): Promise<ClassView> {
  const group = await visibleGroup(db, actor, groupId);
  const school = await getSchool(db, actor.schoolId);
  const today = localDate(at, DEFAULT_TIME_ZONE);
  const span = samtalSpan(school.calendar, today);
  // A day of margin: a samtal's local date can differ from its UTC date.
  const from = `${addDays(span.from, -1)}T00:00:00.000Z`;
  const to = span.to ? `${addDays(span.to, 2)}T00:00:00.000Z` : '9999';
  const members = await db
    .select({ id: pupils.id, firstName: pupils.firstName, lastName: pupils.lastName })
    .from(pupils)
    .innerJoin(groupMembers, eq(groupMembers.pupilId, pupils.id))
    .where(and(eq(groupMembers.groupId, groupId), pupilVisible(actor, { forList: false, joined: true })))
    .orderBy(asc(pupils.lastName), asc(pupils.firstName))
    .limit(500);
  const ids = members.map((m) => m.id);
  const [booked, invited, free] = await Promise.all([
    ids.length
      ? db
          .select({
            id: meetings.id,
            pupilId: meetings.pupilId,
            startsAt: meetings.startsAt,
            durationMinutes: meetings.durationMinutes,
            place: meetings.place,
            interpreterLanguage: meetings.interpreterLanguage,
            status: meetings.status,
          })
          .from(meetings)
          .where(
            and(
              inArray(meetings.pupilId, ids),
              ne(meetings.status, 'cancelled'),
              gte(meetings.startsAt, from),
              lte(meetings.startsAt, to),
            ),
          )
          .orderBy(asc(meetings.startsAt))
      : [],
    ids.length
      ? db
          .select()
          .from(samtalInvitations)
          .where(
            and(
              inArray(samtalInvitations.pupilId, ids),
              eq(samtalInvitations.schoolYear, schoolYearOf(span.from)),
              gte(samtalInvitations.sentAt, from),
            ),
          )
          .orderBy(desc(samtalInvitations.sentAt))
      : [],
    db
      .select({ n: sql<number>`count(*)` })
      .from(samtalTimes)
      .where(
        and(
          eq(samtalTimes.schoolId, actor.schoolId),
          inArray(
            samtalTimes.offerId,
            db.select({ id: samtalAudience.offerId }).from(samtalAudience).where(eq(samtalAudience.groupId, groupId)),
          ),
          gte(samtalTimes.startsAt, at),
          sql`not exists (select 1 from meetings m where m.time_id = ${samtalTimes.id} and m.status <> 'cancelled')`,
        ),
      ),
  ]);
  return {
    group,
    from: span.from,
    to: span.to,
    freeTimes: Number(free[0]?.n ?? 0),
    pupils: members.map((p) => {
      // A held samtal of the round counts before a later booking; otherwise the earliest booking.
      const b =
        booked.find((m) => m.pupilId === p.id && m.status === 'held') ?? booked.find((m) => m.pupilId === p.id) ?? null;
      const inv = invited.find((i) => i.pupilId === p.id) ?? null;
      const invitation: Invitation | null = inv
        ? {
            id: inv.id,
            pupilId: inv.pupilId,
            schoolYear: inv.schoolYear,
            sentAt: inv.sentAt,
            method: inv.method,
            declinedAt: inv.declinedAt,
            createdBy: inv.createdBy,
          }
        : null;
      return {
        ...p,
        state: b
          ? b.status === 'held'
            ? 'held'
            : 'booked'
          : inv?.declinedAt
            ? 'declined'
            : inv
              ? 'invited'
              : 'not-invited',
        booking: b
          ? {
              meetingId: b.id,
              startsAt: b.startsAt,
              durationMinutes: b.durationMinutes,
              place: b.place,
              interpreterLanguage: b.interpreterLanguage,
            }
          : null,
        invitation,
      };
    }),
  };
}

/**
 * Letters for families reached on paper: a new family link per pupil (the token exists only now,
 * so it goes straight onto the letter), the booked time or the free ones, and an invitation
 * recorded as sent by letter — all or nothing.
 */
export async function invitationLetters(db: Db, actor: Actor, input: LettersRequest, at: string): Promise<Letters> {
  const req = LettersSchema.parse(input);
  const school = await getSchool(db, actor.schoolId);
  const schoolYear = schoolYearOf(localDate(at, DEFAULT_TIME_ZONE));
  const cutoff = new Date(Date.parse(at) + school.settings.bookingCutoffHours * 3_600_000).toISOString();
  const pupilIds = [...new Set(req.pupilIds)];
  // Hashed before the transaction (see newShareToken).
  const secrets = await Promise.all(pupilIds.map(() => newShareToken()));
  return db.transaction(async (tx) => {
    await insertInvitations(tx, actor, pupilIds, 'letter', at, at);
    const letters: Letters['letters'] = [];
    for (const [n, pupilId] of pupilIds.entries()) {
      const [pupil] = await tx
        .select({ firstName: pupils.firstName, lastName: pupils.lastName })
        .from(pupils)
        .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, actor.schoolId)))
        .limit(1);
      const { link, token } = await insertShareLink(
        tx,
        actor,
        pupilId,
        { schoolYear, days: req.days, label: null },
        at,
        secrets[n]!,
      );
      const [booking] = await tx
        .select({ startsAt: meetings.startsAt, durationMinutes: meetings.durationMinutes, place: meetings.place })
        .from(meetings)
        .where(and(eq(meetings.pupilId, pupilId), eq(meetings.status, 'planned'), gte(meetings.startsAt, at)))
        .orderBy(asc(meetings.startsAt))
        .limit(1);
      const free = booking ? [] : await freeTimesForPupil(tx, actor.schoolId, pupilId, cutoff);
      letters.push({
        pupilId,
        firstName: pupil!.firstName,
        lastName: pupil!.lastName,
        linkPath: `/share/${token}`,
        expiresAt: link.expiresAt,
        booking: booking ?? null,
        freeTimes: free.map((t) => ({ startsAt: t.startsAt, durationMinutes: t.durationMinutes, place: t.place })),
      });
    }
    return { schoolName: school.name, letters };
  });
}
