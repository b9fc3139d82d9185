import { and, eq, inArray } from 'drizzle-orm';
import type { RosterRow } from '../../shared/roster-import/csv';
import type { Mentorship, StaffRow } from '../../shared/roster-import/ss12000';
import type { Actor } from '../context';
import type { Db, Executor, Tx } from '../db/client';
import { groupMembers, groups, mentors, pupils, teachers } from '../db/schema';
import { ForbiddenError } from '../errors';
import { recordAudits, type AuditEntry } from './audit';
import { assertTeamVisible } from './teams';

export interface RosterImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  classesCreated: string[];
  /** SS 12000 only: staff accounts from Duties, and mentors from Mentor groups' activities. */
  staff?: StaffReport;
}

export interface StaffReport {
  created: number;
  updated: number;
  unchanged: number;
  skipped: { externalId: string; reason: string }[];
  mentorshipsAdded: number;
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
  staff?: readonly StaffRow[];
  mentorships?: readonly Mentorship[];
  staffSkipped?: readonly { externalId: string; reason: string }[];
}

/** Admins only, into a team of their own school; checked before a file is parsed or a source contacted. */
export async function assertMayImportRoster(db: Executor, actor: Actor, teamId: string | null): Promise<void> {
  if (actor.role !== 'admin') throw new ForbiddenError('Only an admin can import the roster.');
  if (teamId) await assertTeamVisible(db, actor, teamId);
}

export async function importRoster(
  db: Db,
  actor: Actor,
  rows: readonly RosterRow[],
  opts: RosterImportOptions,
  at: string,
): Promise<RosterImportReport> {
  const idCol = opts.idField === 'ss12000' ? ('ss12000Id' as const) : ('lmsId' as const);
  await assertMayImportRoster(db, actor, opts.teamId);
  const report: RosterImportReport = { dryRun: opts.dryRun, created: 0, updated: 0, unchanged: 0, classesCreated: [] };
  const run = async (tx: Tx) => {
    const existing = new Map(
      (await tx.select().from(pupils).where(eq(pupils.schoolId, actor.schoolId)))
        .filter((p) => p[idCol])
        .map((p) => [p[idCol]!, p]),
    );
    const klassGroups = await tx
      .select()
      .from(groups)
      .where(and(eq(groups.schoolId, actor.schoolId), eq(groups.type, 'klass')));
    // Classes from SS 12000 are matched by their id (names change between years); from CSV by name.
    const classes = new Map(klassGroups.map((g) => [g.name, g.id]));
    const classesByExternalId = new Map(klassGroups.filter((g) => g.externalId).map((g) => [g.externalId!, g.id]));
    const classIds = new Set(classes.values());
    const membership = new Map<string, Set<string>>();
    if (existing.size) {
      for (const m of await tx
        .select()
        .from(groupMembers)
        .where(inArray(groupMembers.groupId, [...classIds, '']))) {
        let set = membership.get(m.pupilId);
        if (!set) membership.set(m.pupilId, (set = new Set()));
        set.add(m.groupId);
      }
    }
    const newPupils: (typeof pupils.$inferInsert)[] = [];
    // Also in a dry run, so the preview can count the mentorships of pupils it would create.
    const createdIds = new Map<string, string>();
    const newMembers: (typeof groupMembers.$inferInsert)[] = [];
    const audits: AuditEntry[] = [];
    const audit = (entityId: string) =>
      audits.push({
        schoolId: actor.schoolId,
        actorId: actor.teacherId,
        action: 'import',
        entity: 'pupil',
        entityId,
        pupilId: entityId,
      });
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
            await tx.insert(groups).values({
              id: classId,
              schoolId: actor.schoolId,
              teamId: opts.teamId,
              name: r.className,
              type: 'klass',
              externalId: r.classExternalId ?? null,
            });
          }
        }
      }
      const current = existing.get(r.externalId);
      const inClass = current ? (membership.get(current.id) ?? new Set<string>()) : new Set<string>();
      if (!current) {
        report.created++;
        const id = crypto.randomUUID();
        createdIds.set(r.externalId, id);
        if (opts.dryRun) continue;
        newPupils.push({
          id,
          schoolId: actor.schoolId,
          firstName: r.firstName,
          lastName: r.lastName,
          skolform: r.skolform,
          arskurs: r.arskurs,
          pronoun: r.pronoun ?? 'none',
          [idCol]: r.externalId,
          securityMarked: r.securityMarked ?? false,
          createdAt: at,
          updatedAt: at,
        });
        if (classId) newMembers.push({ groupId: classId, pupilId: id });
        audit(id);
        continue;
      }
      const sameFields =
        current.firstName === r.firstName &&
        current.lastName === r.lastName &&
        current.skolform === r.skolform &&
        current.arskurs === r.arskurs &&
        current.pronoun === (r.pronoun ?? current.pronoun) &&
        current.securityMarked === (r.securityMarked ?? current.securityMarked);
      const sameClass = classId === null ? true : inClass.size === 1 && inClass.has(classId);
      if (sameFields && sameClass) {
        report.unchanged++;
        continue;
      }
      report.updated++;
      if (opts.dryRun) continue;
      if (!sameFields) {
        await tx
          .update(pupils)
          .set({
            firstName: r.firstName,
            lastName: r.lastName,
            skolform: r.skolform,
            arskurs: r.arskurs,
            pronoun: r.pronoun ?? current.pronoun,
            securityMarked: r.securityMarked ?? current.securityMarked,
            updatedAt: at,
          })
          .where(and(eq(pupils.id, current.id), eq(pupils.schoolId, actor.schoolId)));
      }
      if (!sameClass && classId) {
        // A pupil is in one klass: moving class leaves the old one (teaching groups are kept).
        if (inClass.size)
          await tx
            .delete(groupMembers)
            .where(and(eq(groupMembers.pupilId, current.id), inArray(groupMembers.groupId, [...inClass])));
        await tx.insert(groupMembers).values({ groupId: classId, pupilId: current.id });
      }
      audit(current.id);
    }
    // New pupils in multi-row inserts: a municipality's 50,000 rows in seconds, not minutes.
    for (let i = 0; i < newPupils.length; i += 200) await tx.insert(pupils).values(newPupils.slice(i, i + 200));
    for (let i = 0; i < newMembers.length; i += 500) await tx.insert(groupMembers).values(newMembers.slice(i, i + 500));
    if (opts.staff) {
      const pupilIdByExternal = new Map([...existing].map(([ext, p]) => [ext, p.id]));
      for (const [ext, id] of createdIds) pupilIdByExternal.set(ext, id);
      report.staff = await importStaff(tx, actor, opts, pupilIdByExternal, audits, at);
    }
    await recordAudits(tx, audits);
  };
  // A dry run reads in the same transaction shape and writes nothing.
  await db.transaction(run);
  return report;
}

/**
 * Staff from SS 12000 Duties: matched by person id, or linked by e-mail to an account the admin
 * made before. New accounts get the teacher role and no token (the admin issues tokens); an
 * existing admin stays admin. Mentorships are added, never removed: a mentor change in the
 * source is an addition here until an admin edits the pupil.
 */
async function importStaff(
  tx: Tx,
  actor: Actor,
  opts: RosterImportOptions,
  pupilIdByExternal: Map<string, string>,
  audits: AuditEntry[],
  at: string,
): Promise<StaffReport> {
  const report: StaffReport = {
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: [...(opts.staffSkipped ?? [])],
    mentorshipsAdded: 0,
  };
  const current = await tx.select().from(teachers).where(eq(teachers.schoolId, actor.schoolId));
  const byExternal = new Map(current.filter((t) => t.ss12000Id).map((t) => [t.ss12000Id!, t]));
  const byEmail = new Map(current.map((t) => [t.email.toLowerCase(), t]));
  const teacherIdByExternal = new Map<string, string>();
  const audit = (entityId: string) =>
    audits.push({ schoolId: actor.schoolId, actorId: actor.teacherId, action: 'import', entity: 'teacher', entityId });
  for (const s of opts.staff ?? []) {
    const found = byExternal.get(s.externalId) ?? byEmail.get(s.email);
    const holder = byEmail.get(s.email);
    if (holder && found && holder.id !== found.id) {
      report.skipped.push({ externalId: s.externalId, reason: 'another account already has this e-mail address' });
      continue;
    }
    if (!found) {
      const id = crypto.randomUUID();
      report.created++;
      teacherIdByExternal.set(s.externalId, id);
      if (opts.dryRun) continue;
      await tx.insert(teachers).values({
        id,
        schoolId: actor.schoolId,
        name: s.name,
        email: s.email,
        role: 'teacher',
        ss12000Id: s.externalId,
        createdAt: at,
      });
      byEmail.set(s.email, {
        id,
        schoolId: actor.schoolId,
        name: s.name,
        email: s.email,
        role: 'teacher',
        ss12000Id: s.externalId,
        createdAt: at,
      });
      audit(id);
      continue;
    }
    teacherIdByExternal.set(s.externalId, found.id);
    if (found.name === s.name && found.email.toLowerCase() === s.email && found.ss12000Id === s.externalId) {
      report.unchanged++;
      continue;
    }
    report.updated++;
    if (opts.dryRun) continue;
    await tx
      .update(teachers)
      .set({ name: s.name, email: s.email, ss12000Id: s.externalId })
      .where(and(eq(teachers.id, found.id), eq(teachers.schoolId, actor.schoolId)));
    audit(found.id);
  }
  const wanted = (opts.mentorships ?? [])
    .map((m) => ({
      teacherId: teacherIdByExternal.get(m.staffExternalId),
      pupilId: pupilIdByExternal.get(m.pupilExternalId),
    }))
    .filter((m): m is { teacherId: string; pupilId: string } => !!m.teacherId && !!m.pupilId);
  if (wanted.length) {
    const have = new Set(
      (
        await tx
          .select()
          .from(mentors)
          .where(inArray(mentors.teacherId, [...new Set(wanted.map((m) => m.teacherId))]))
      ).map((m) => `${m.teacherId}|${m.pupilId}`),
    );
    const added = wanted.filter((m) => !have.has(`${m.teacherId}|${m.pupilId}`));
    report.mentorshipsAdded = added.length;
    if (!opts.dryRun)
      for (let i = 0; i < added.length; i += 500) await tx.insert(mentors).values(added.slice(i, i + 500));
  }
  return report;
}
