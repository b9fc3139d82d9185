import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import {
  addDays, computeDuties, countStates, DEFAULT_TIME_ZONE, emptyCounts, schoolYearFor, worstState,
  type DeadlineReport, type DeadlineMeeting,
} from '../../shared/index';
import type { Actor } from '../context';
import type { Executor } from '../db/client';
import { groupMembers, groups, iupDocuments, meetings, pupils } from '../db/schema';
import { ForbiddenError } from '../errors';
import { getSchool } from './schools';
import { pupilVisible } from './visibility';

export type DeadlineScope = 'me' | 'team' | 'school';

function scopeCondition(actor: Actor, scope: DeadlineScope): SQL {
  const school = sql`${pupils.schoolId} = ${actor.schoolId}`;
  switch (scope) {
    case 'me':
      return sql`(${school} and exists (select 1 from mentors m where m.pupil_id = ${pupils.id} and m.teacher_id = ${actor.teacherId}))`;
    case 'team':
      return sql`(${school} and exists (select 1 from group_members gm join groups g on g.id = gm.group_id
        join team_members tm on tm.team_id = g.team_id where gm.pupil_id = ${pupils.id} and tm.teacher_id = ${actor.teacherId}))`;
    case 'school':
      if (actor.role !== 'admin') throw new ForbiddenError('The whole-school overview is for admins; use scope=team or scope=me.');
      return pupilVisible(actor, { forList: true });
  }
}

/**
 * Deadlines for every pupil in scope. Loads one query per table, filtered by the same scope
 * condition (no per-pupil queries, no id lists), then computes in memory with the shared rules.
 */
export async function deadlineReport(db: Executor, actor: Actor, scope: DeadlineScope, date: string): Promise<DeadlineReport> {
  const school = await getSchool(db, actor.schoolId);
  const year = schoolYearFor(school.calendar, date);
  const cond = scopeCondition(actor, scope);

  const pupilRows = await db
    .select({ id: pupils.id, firstName: pupils.firstName, lastName: pupils.lastName, skolform: pupils.skolform, arskurs: pupils.arskurs, getsGrades: pupils.getsGrades, enrolledAt: pupils.enrolledAt })
    .from(pupils).where(cond).orderBy(pupils.lastName, pupils.firstName, pupils.id);
  const memberships = await db.select({ pupilId: groupMembers.pupilId, groupId: groupMembers.groupId })
    .from(groupMembers).innerJoin(pupils, eq(pupils.id, groupMembers.pupilId)).where(cond);
  const groupRows = await db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.schoolId, actor.schoolId));

  const meetingsByPupil = new Map<string, DeadlineMeeting[]>();
  const iupsByPupil = new Map<string, { schoolYear: string; status: 'draft' | 'ready' | 'shared' | 'agreed' }[]>();
  if (year) {
    // A day of margin on each side: the local date of a samtal can differ from its UTC date.
    const from = `${addDays(year.terms[0]!.start, -1)}T00:00:00.000Z`;
    const to = `${addDays(year.terms[year.terms.length - 1]!.end, 2)}T00:00:00.000Z`;
    const meetingRows = await db
      .select({ id: meetings.id, pupilId: meetings.pupilId, startsAt: meetings.startsAt, status: meetings.status, agreements: meetings.agreements })
      .from(meetings).innerJoin(pupils, eq(pupils.id, meetings.pupilId))
      .where(and(cond, eq(meetings.schoolId, actor.schoolId), gte(meetings.startsAt, from), lte(meetings.startsAt, to)));
    for (const m of meetingRows) (meetingsByPupil.get(m.pupilId) ?? meetingsByPupil.set(m.pupilId, []).get(m.pupilId)!).push(m);
    // Status only: the sections (the heavy part) are not needed for deadlines.
    const iupRows = await db
      .select({ pupilId: iupDocuments.pupilId, schoolYear: iupDocuments.schoolYear, status: iupDocuments.status })
      .from(iupDocuments).innerJoin(pupils, eq(pupils.id, iupDocuments.pupilId))
      .where(and(cond, eq(iupDocuments.schoolId, actor.schoolId), eq(iupDocuments.schoolYear, year.label)));
    for (const d of iupRows) (iupsByPupil.get(d.pupilId) ?? iupsByPupil.set(d.pupilId, []).get(d.pupilId)!).push(d);
  }

  const groupsOf = new Map<string, string[]>();
  for (const m of memberships) (groupsOf.get(m.pupilId) ?? groupsOf.set(m.pupilId, []).get(m.pupilId)!).push(m.groupId);

  const summary = emptyCounts();
  const byGroup = new Map<string, { summary: ReturnType<typeof emptyCounts>; pupilIds: string[] }>();
  const out: DeadlineReport['pupils'] = [];
  for (const p of pupilRows) {
    const { duties } = computeDuties({
      today: date, calendar: school.calendar, settings: school.settings, timeZone: DEFAULT_TIME_ZONE,
      pupil: p, meetings: meetingsByPupil.get(p.id) ?? [], iups: iupsByPupil.get(p.id) ?? [],
    });
    countStates(duties, summary);
    const groupIds = groupsOf.get(p.id) ?? [];
    for (const g of groupIds) {
      const entry = byGroup.get(g) ?? byGroup.set(g, { summary: emptyCounts(), pupilIds: [] }).get(g)!;
      countStates(duties, entry.summary);
      entry.pupilIds.push(p.id);
    }
    out.push({ id: p.id, firstName: p.firstName, lastName: p.lastName, groupIds, worst: worstState(duties), duties });
  }
  const names = new Map(groupRows.map((g) => [g.id, g.name]));
  return {
    date,
    schoolYear: year?.label ?? null,
    calendarMissing: year === null,
    summary,
    groups: [...byGroup.entries()]
      .map(([id, g]) => ({ id, name: names.get(id) ?? '', ...g }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    pupils: out,
  };
}
