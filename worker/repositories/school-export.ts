import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../context';
import type { Db } from '../db/client';
import {
  auditLog,
  groupMembers,
  groups,
  iupDocuments,
  iupRevisions,
  meetings,
  preparationAnswers,
  samtalAcknowledgements,
  samtalAudience,
  samtalInvitations,
  samtalOffers,
  samtalTimes,
  mentors,
  phrases,
  phraseVersions,
  pupils,
  schools,
  shareComments,
  shareLinks,
  teachers,
  teamMembers,
  teams,
} from '../db/schema';
import { ForbiddenError } from '../errors';
import { recordAudit } from './audit';

export const SCHOOL_EXPORT_FORMAT = 'iup-stod-school-export' as const;
export const SCHOOL_EXPORT_VERSION = 1 as const;

/**
 * Everything the school has in IUP-stöd, for portability and archiving (an IUP is an allmän
 * handling): settings, staff, teams, groups, pupils, samtal, every IUP with all revisions, the
 * phrase bank with its versions, and the audit log. Secrets (token hashes, calendar feed hashes)
 * are left out. Admins only; the export itself is audit-logged. One read transaction, so the
 * file is a consistent snapshot.
 */
export async function exportSchool(db: Db, actor: Actor, at: string) {
  if (actor.role !== 'admin') throw new ForbiddenError('Only an admin can export the school.');
  const s = actor.schoolId;
  const data = await db.transaction(async (tx) => {
    const [school] = await tx.select().from(schools).where(eq(schools.id, s));
    const teamRows = await tx.select().from(teams).where(eq(teams.schoolId, s));
    const teacherRows = await tx.select().from(teachers).where(eq(teachers.schoolId, s));
    const pupilRows = await tx.select().from(pupils).where(eq(pupils.schoolId, s));
    const groupRows = await tx.select().from(groups).where(eq(groups.schoolId, s));
    const docRows = await tx.select().from(iupDocuments).where(eq(iupDocuments.schoolId, s));
    const pupilIds = pupilRows.map((p) => p.id);
    const in_ = <T>(ids: string[], f: (ids: string[]) => Promise<T[]>) =>
      ids.length ? f(ids) : Promise.resolve([] as T[]);
    return {
      school: school!,
      teams: teamRows,
      teamMembers: await in_(
        teamRows.map((t) => t.id),
        (ids) => tx.select().from(teamMembers).where(inArray(teamMembers.teamId, ids)),
      ),
      teachers: teacherRows,
      groups: groupRows,
      groupMembers: await in_(
        groupRows.map((g) => g.id),
        (ids) => tx.select().from(groupMembers).where(inArray(groupMembers.groupId, ids)),
      ),
      pupils: pupilRows,
      mentors: await in_(pupilIds, (ids) => tx.select().from(mentors).where(inArray(mentors.pupilId, ids))),
      meetings: await tx.select().from(meetings).where(eq(meetings.schoolId, s)),
      samtalOffers: await tx.select().from(samtalOffers).where(eq(samtalOffers.schoolId, s)),
      samtalAudience: await tx
        .select({ offerId: samtalAudience.offerId, groupId: samtalAudience.groupId, pupilId: samtalAudience.pupilId })
        .from(samtalAudience)
        .innerJoin(samtalOffers, eq(samtalOffers.id, samtalAudience.offerId))
        .where(eq(samtalOffers.schoolId, s)),
      samtalTimes: await tx.select().from(samtalTimes).where(eq(samtalTimes.schoolId, s)),
      samtalInvitations: await tx.select().from(samtalInvitations).where(eq(samtalInvitations.schoolId, s)),
      preparationAnswers: await tx.select().from(preparationAnswers).where(eq(preparationAnswers.schoolId, s)),
      samtalAcknowledgements: await tx
        .select()
        .from(samtalAcknowledgements)
        .where(eq(samtalAcknowledgements.schoolId, s)),
      iups: docRows,
      iupRevisions: await in_(
        docRows.map((d) => d.id),
        (ids) => tx.select().from(iupRevisions).where(inArray(iupRevisions.documentId, ids)),
      ),
      // Link tokens are secrets: their hashes stay out, like the API tokens'.
      shareLinks: (await tx.select().from(shareLinks).where(eq(shareLinks.schoolId, s))).map(
        ({ hash: _hash, writeWindowStart: _w, writeCount: _c, ...l }) => l,
      ),
      shareComments: await tx.select().from(shareComments).where(eq(shareComments.schoolId, s)),
      phrases: (await tx.select().from(phrases).where(eq(phrases.schoolId, s))).map(({ changeSeq: _seq, ...p }) => p),
      phraseVersions: await tx.select().from(phraseVersions).where(eq(phraseVersions.schoolId, s)),
      auditLog: await tx.select().from(auditLog).where(eq(auditLog.schoolId, s)),
    };
  });
  await recordAudit(db, {
    schoolId: s,
    actorId: actor.teacherId,
    action: 'view',
    entity: 'school-export',
    entityId: s,
  });
  return { format: SCHOOL_EXPORT_FORMAT, version: SCHOOL_EXPORT_VERSION, exportedAt: at, ...data } as const;
}
