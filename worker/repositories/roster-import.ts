import { and, eq, inArray } from 'drizzle-orm';
import type { RosterRow } from '../../shared/roster-import/csv';
import type { Actor } from '../context';
import type { Db } from '../db/client';
import { groupMembers, groups, pupils, teams } from '../db/schema';
import { ForbiddenError, NotFoundError } from '../errors';
import { recordAudits, type AuditEntry } from './audit';

export interface RosterImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  classesCreated: string[];
}

/**
 * Upsert pupils by the platform's id (stored as the pupil's LMS id) and put each in its class,
 * creating klass groups by name. Idempotent: importing the same file again changes nothing.
 * All rows in one transaction: a failure leaves the school as it was. Admins only.
 */
export interface RosterImportOptions {
  dryRun: boolean;
  teamId: string | null;
  /** Which stored id the rows' `externalId` is: the learning platform's (CSV) or SS 12000's. */
  idField?: 'lms' | 'ss12000';
}

export async function importRoster(db: Db, actor: Actor, rows: readonly RosterRow[], opts: RosterImportOptions, at: string): Promise<RosterImportReport> {
  const idCol = opts.idField === 'ss12000' ? 'ss12000Id' as const : 'lmsId' as const;
  if (actor.role !== 'admin') throw new ForbiddenError('Only an admin can import the roster.');
  if (opts.teamId) {
    const [team] = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.id, opts.teamId), eq(teams.schoolId, actor.schoolId))).limit(1);
    if (!team) throw new NotFoundError('Team');
  }
  const report: RosterImportReport = { dryRun: opts.dryRun, created: 0, updated: 0, unchanged: 0, classesCreated: [] };
  const run = async (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => {
    const existing = new Map((await tx.select().from(pupils).where(eq(pupils.schoolId, actor.schoolId))).filter((p) => p[idCol]).map((p) => [p[idCol]!, p]));
    const klassGroups = await tx.select().from(groups).where(and(eq(groups.schoolId, actor.schoolId), eq(groups.type, 'klass')));
    // Classes from SS 12000 are matched by their id (names change between years); from CSV by name.
    const classes = new Map(klassGroups.map((g) => [g.name, g.id]));
    const classesByExternalId = new Map(klassGroups.filter((g) => g.externalId).map((g) => [g.externalId!, g.id]));
    const classIds = new Set(classes.values());
    const membership = new Map<string, Set<string>>();
    if (existing.size) {
      for (const m of await tx.select().from(groupMembers).where(inArray(groupMembers.groupId, [...classIds, '']))) {
        let set = membership.get(m.pupilId);
        if (!set) membership.set(m.pupilId, (set = new Set()));
        set.add(m.groupId);
      }
    }
    const newPupils: (typeof pupils.$inferInsert)[] = [];
    const newMembers: (typeof groupMembers.$inferInsert)[] = [];
    const audits: AuditEntry[] = [];
    const audit = (entityId: string) => audits.push({ schoolId: actor.schoolId, actorId: actor.teacherId, action: 'import', entity: 'pupil', entityId });
    for (const r of rows) {
      let classId: string | null = null;
      if (r.className) {
        classId = (r.classExternalId ? classesByExternalId.get(r.classExternalId) : classes.get(r.className)) ?? null;
        if (!classId) {
          classId = crypto.randomUUID();
          classes.set(r.className, classId);
          if (r.classExternalId) classesByExternalId.set(r.classExternalId, classId);
          report.classesCreated.push(r.className);
          if (!opts.dryRun) {
            await tx.insert(groups).values({ id: classId, schoolId: actor.schoolId, teamId: opts.teamId, name: r.className, type: 'klass', externalId: r.classExternalId ?? null });
          }
        }
      }
      const current = existing.get(r.externalId);
      const inClass = current ? membership.get(current.id) ?? new Set<string>() : new Set<string>();
      if (!current) {
        report.created++;
        if (opts.dryRun) continue;
        const id = crypto.randomUUID();
        newPupils.push({
          id, schoolId: actor.schoolId, firstName: r.firstName, lastName: r.lastName, skolform: r.skolform, arskurs: r.arskurs,
          pronoun: r.pronoun ?? 'none', [idCol]: r.externalId, securityMarked: r.securityMarked ?? false, createdAt: at, updatedAt: at,
        });
        if (classId) newMembers.push({ groupId: classId, pupilId: id });
        audit(id);
        continue;
      }
      const sameFields = current.firstName === r.firstName && current.lastName === r.lastName && current.skolform === r.skolform
        && current.arskurs === r.arskurs && current.pronoun === (r.pronoun ?? current.pronoun) && current.securityMarked === (r.securityMarked ?? current.securityMarked);
      const sameClass = classId === null ? true : inClass.size === 1 && inClass.has(classId);
      if (sameFields && sameClass) { report.unchanged++; continue; }
      report.updated++;
      if (opts.dryRun) continue;
      if (!sameFields) {
        await tx.update(pupils).set({
          firstName: r.firstName, lastName: r.lastName, skolform: r.skolform, arskurs: r.arskurs, pronoun: r.pronoun ?? current.pronoun,
          securityMarked: r.securityMarked ?? current.securityMarked, updatedAt: at,
        })
          .where(and(eq(pupils.id, current.id), eq(pupils.schoolId, actor.schoolId)));
      }
      if (!sameClass && classId) {
        // A pupil is in one klass: moving class leaves the old one (teaching groups are kept).
        if (inClass.size) await tx.delete(groupMembers).where(and(eq(groupMembers.pupilId, current.id), inArray(groupMembers.groupId, [...inClass])));
        await tx.insert(groupMembers).values({ groupId: classId, pupilId: current.id });
      }
      audit(current.id);
    }
    // New pupils in multi-row inserts: a municipality's 50,000 rows in seconds, not minutes.
    for (let i = 0; i < newPupils.length; i += 200) await tx.insert(pupils).values(newPupils.slice(i, i + 200));
    for (let i = 0; i < newMembers.length; i += 500) await tx.insert(groupMembers).values(newMembers.slice(i, i + 500));
    await recordAudits(tx, audits);
  };
  // A dry run reads in the same transaction shape and writes nothing.
  await db.transaction(run);
  return report;
}
