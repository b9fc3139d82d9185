import { and, asc, eq } from 'drizzle-orm';
import { Handover, HANDOVER_FORMAT } from '../../shared/schemas/handover';
import type { Actor } from '../context';
import type { Db } from '../db/client';
import { iupDocuments, iupRevisions, meetings, pupils, schools } from '../db/schema';
import { ForbiddenError, ValidationError } from '../errors';
import { recordAudit } from './audit';
import { getPupil } from './pupils';

/**
 * One pupil's IUP history for the next school: every IUP with all revisions, and the samtal with
 * their agreements. Any teacher who may see the pupil can hand over; the export is audit-logged.
 */
export async function exportHandover(db: Db, actor: Actor, pupilId: string, at: string): Promise<Handover> {
  const p = await getPupil(db, actor, pupilId);
  const [school] = await db
    .select({ name: schools.name, code: schools.schoolUnitCode })
    .from(schools)
    .where(eq(schools.id, actor.schoolId));
  const docs = await db
    .select()
    .from(iupDocuments)
    .where(and(eq(iupDocuments.pupilId, p.id), eq(iupDocuments.schoolId, actor.schoolId)))
    .orderBy(asc(iupDocuments.schoolYear));
  const iups: Handover['iups'] = [];
  for (const d of docs) {
    const revs = await db
      .select()
      .from(iupRevisions)
      .where(eq(iupRevisions.documentId, d.id))
      .orderBy(asc(iupRevisions.version));
    iups.push({
      schoolYear: d.schoolYear,
      status: d.status,
      revisions: revs.map((r) => ({
        version: r.version,
        status: r.status,
        sections: r.sections,
        savedAt: r.createdAt,
      })),
    });
  }
  const samtal = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.pupilId, p.id), eq(meetings.schoolId, actor.schoolId)))
    .orderBy(asc(meetings.startsAt));
  await recordAudit(db, {
    schoolId: actor.schoolId,
    actorId: actor.teacherId,
    action: 'view',
    entity: 'pupil-handover',
    entityId: p.id,
    pupilId: p.id,
  });
  return Handover.parse({
    format: HANDOVER_FORMAT,
    version: 1,
    exportedAt: at,
    fromSchool: { name: school?.name ?? '', schoolUnitCode: school?.code ?? null },
    pupil: {
      firstName: p.firstName,
      lastName: p.lastName,
      skolform: p.skolform,
      arskurs: p.arskurs,
      getsGrades: p.getsGrades,
      pronoun: p.pronoun,
      securityMarked: p.securityMarked,
    },
    iups,
    meetings: samtal.map((m) => ({ startsAt: m.startsAt, status: m.status, agreements: m.agreements })),
  });
}

export interface HandoverReport {
  pupilId: string;
  createdPupil: boolean;
  iupsImported: string[];
  iupsSkipped: { schoolYear: string; reason: string }[];
  meetingsImported: number;
}

/**
 * Take a hand-over file into this school (admin): the pupil (new, or one the school already has),
 * the previous IUPs with their full revision history, and past samtal with agreements. A läsår
 * the pupil already has an IUP for here is skipped, never overwritten. One transaction. The
 * previous school's staff are not known here, so imported revisions are attributed to the admin
 * who imported them; the file's dates are kept.
 */
export async function importHandover(
  db: Db,
  actor: Actor,
  file: unknown,
  pupilId: string | undefined,
  at: string,
): Promise<HandoverReport> {
  if (actor.role !== 'admin') throw new ForbiddenError('Only an admin can import a hand-over file.');
  const parsed = Handover.safeParse(file);
  if (!parsed.success) {
    throw new ValidationError('This is not a valid hand-over file (format iup-stod-handover, version 1).', {
      issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const h = parsed.data;
  if (pupilId) await getPupil(db, actor, pupilId);
  return db.transaction(async (tx) => {
    const report: HandoverReport = {
      pupilId: pupilId ?? crypto.randomUUID(),
      createdPupil: !pupilId,
      iupsImported: [],
      iupsSkipped: [],
      meetingsImported: 0,
    };
    if (!pupilId) {
      await tx.insert(pupils).values({
        id: report.pupilId,
        schoolId: actor.schoolId,
        firstName: h.pupil.firstName,
        lastName: h.pupil.lastName,
        skolform: h.pupil.skolform,
        arskurs: h.pupil.arskurs,
        getsGrades: h.pupil.getsGrades,
        pronoun: h.pupil.pronoun,
        securityMarked: h.pupil.securityMarked,
        createdAt: at,
        updatedAt: at,
      });
    }
    for (const iup of h.iups) {
      const [existing] = await tx
        .select({ id: iupDocuments.id })
        .from(iupDocuments)
        .where(and(eq(iupDocuments.pupilId, report.pupilId), eq(iupDocuments.schoolYear, iup.schoolYear)))
        .limit(1);
      if (existing) {
        report.iupsSkipped.push({
          schoolYear: iup.schoolYear,
          reason: 'the pupil already has an IUP for this läsår here',
        });
        continue;
      }
      const last = iup.revisions.at(-1)!;
      const id = crypto.randomUUID();
      await tx.insert(iupDocuments).values({
        id,
        schoolId: actor.schoolId,
        pupilId: report.pupilId,
        schoolYear: iup.schoolYear,
        status: iup.status,
        sections: last.sections,
        version: last.version,
        authorId: actor.teacherId,
        createdAt: iup.revisions[0]!.savedAt,
        updatedAt: last.savedAt,
      });
      for (const r of iup.revisions) {
        await tx.insert(iupRevisions).values({
          id: crypto.randomUUID(),
          documentId: id,
          version: r.version,
          status: r.status,
          sections: r.sections,
          authorId: actor.teacherId,
          createdAt: r.savedAt,
        });
      }
      report.iupsImported.push(iup.schoolYear);
    }
    for (const m of h.meetings) {
      await tx.insert(meetings).values({
        id: crypto.randomUUID(),
        schoolId: actor.schoolId,
        pupilId: report.pupilId,
        startsAt: m.startsAt,
        status: m.status,
        agreements: m.agreements,
        createdBy: actor.teacherId,
        createdAt: at,
        updatedAt: at,
      });
      report.meetingsImported++;
    }
    await recordAudit(tx, {
      schoolId: actor.schoolId,
      actorId: actor.teacherId,
      action: 'import',
      entity: 'pupil-handover',
      entityId: report.pupilId,
      pupilId: report.pupilId,
    });
    return report;
  });
}
