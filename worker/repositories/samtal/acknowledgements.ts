import { and, asc, desc, eq, gt } from 'drizzle-orm';
import type { Agreement } from '../../../shared/schemas/meeting';
import type { Actor } from '../../context';
import type { Db, Executor, Tx } from '../../db/client';
import { meetings, samtalAcknowledgements, type shareLinks } from '../../db/schema';
import { NotFoundError } from '../../errors';
import { recordAudit } from '../audit';
import { getMeeting } from '../meetings';

type LinkRow = typeof shareLinks.$inferSelect;
export type AcknowledgementWho = 'pupil' | 'guardian';

export interface FamilyAgreements {
  meetingId: string;
  startsAt: string;
  agreements: Agreement[];
  /** Who has confirmed, and when; comments are for the teacher only (two households share a pupil). */
  confirmed: { who: AcknowledgementWho; at: string }[];
}

/** The agreements of the pupil's latest held samtal that has any, for the family link. */
export async function familyAgreements(db: Executor, link: LinkRow): Promise<FamilyAgreements | null> {
  const [m] = await db
    .select({ id: meetings.id, startsAt: meetings.startsAt, agreements: meetings.agreements })
    .from(meetings)
    .where(
      and(
        eq(meetings.pupilId, link.pupilId),
        eq(meetings.schoolId, link.schoolId),
        eq(meetings.status, 'held'),
        gt(meetings.agreementCount, 0),
      ),
    )
    .orderBy(desc(meetings.startsAt))
    .limit(1);
  if (!m) return null;
  const confirmed = await db
    .select({ who: samtalAcknowledgements.who, at: samtalAcknowledgements.at })
    .from(samtalAcknowledgements)
    .where(eq(samtalAcknowledgements.meetingId, m.id))
    .orderBy(asc(samtalAcknowledgements.at));
  return { meetingId: m.id, startsAt: m.startsAt, agreements: m.agreements, confirmed };
}

/**
 * "Vi har tagit del av överenskommelserna" through the link: only for the agreements its own
 * pupil's latest held samtal has; audit-logged with the link. `count` charges the write limit.
 */
export async function acknowledge(
  db: Db,
  link: LinkRow,
  who: AcknowledgementWho,
  comment: string,
  at: string,
  count: (tx: Tx) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await count(tx);
    const current = await familyAgreements(tx, link);
    if (!current) throw new NotFoundError('Agreements');
    const id = crypto.randomUUID();
    await tx.insert(samtalAcknowledgements).values({
      id,
      schoolId: link.schoolId,
      meetingId: current.meetingId,
      pupilId: link.pupilId,
      linkId: link.id,
      who,
      comment,
      at,
    });
    await recordAudit(tx, {
      schoolId: link.schoolId,
      actorId: null,
      linkId: link.id,
      action: 'create',
      entity: 'samtal-acknowledgement',
      entityId: id,
      pupilId: link.pupilId,
    });
  });
}

/** Who confirmed a samtal's agreements, with their comments, for a teacher who may see the pupil. */
export async function listAcknowledgements(db: Executor, actor: Actor, meetingId: string) {
  await getMeeting(db, actor, meetingId);
  return db
    .select({ who: samtalAcknowledgements.who, comment: samtalAcknowledgements.comment, at: samtalAcknowledgements.at })
    .from(samtalAcknowledgements)
    .where(and(eq(samtalAcknowledgements.meetingId, meetingId), eq(samtalAcknowledgements.schoolId, actor.schoolId)))
    .orderBy(asc(samtalAcknowledgements.at))
    .limit(100);
}
