import { sql, type SQL } from 'drizzle-orm';
import {
  addDays, append, countStates, DEFAULT_TIME_ZONE, dutiesFor, emptyCounts, prepareDeadlines, worstState,
  type DeadlineIup, type DeadlineMeeting, type DeadlineReport, type Skolform,
} from '../../shared/index';
import type { Actor } from '../context';
import type { Executor } from '../db/client';
import { pupils } from '../db/schema';
import { ForbiddenError } from '../errors';
import { getSchool } from './schools';
import { inActorsSchool, inActorsTeams, mentoredByActor, pupilVisible } from './visibility';

export type DeadlineScope = 'me' | 'team' | 'school';

function scopeCondition(actor: Actor, scope: DeadlineScope): SQL {
  switch (scope) {
    case 'me':
      return sql`(${inActorsSchool(actor)} and ${mentoredByActor(actor)})`;
    case 'team':
      return sql`(${inActorsSchool(actor)} and ${inActorsTeams(actor)})`;
    case 'school':
      if (actor.role !== 'admin') throw new ForbiddenError('The whole-school overview is for admins; use scope=team or scope=me.');
      return pupilVisible(actor, { forList: true });
  }
}

/**
 * One table's rows as a single JSON array built inside SQLite. The libSQL driver costs several
 * microseconds per returned row; one row holding JSON that V8 parses natively is ~4× faster for
 * a school's worth of rows (see `npm run bench`). Works the same on remote libSQL.
 */
async function jsonRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = await db.all<{ rows: string | null }>(query);
  const text = result[0]?.rows;
  return text ? (JSON.parse(text) as T[]) : [];
}

type PupilTuple = [id: string, firstName: string, lastName: string, skolform: Skolform, arskurs: number, getsGrades: 0 | 1, enrolledAt: string | null];

/**
 * Deadlines for every pupil in scope: one query per table, each filtered by the same scope
 * condition (no per-pupil queries), then the shared rules in memory.
 */
export async function deadlineReport(db: Executor, actor: Actor, scope: DeadlineScope, date: string, view: 'full' | 'summary' = 'full'): Promise<DeadlineReport> {
  const school = await getSchool(db, actor.schoolId);
  const ctx = prepareDeadlines(school.calendar, school.settings, date, DEFAULT_TIME_ZONE);
  const cond = scopeCondition(actor, scope);

  // Aggregate ORDER BY (SQLite ≥ 3.44): the order of a plain aggregate is not guaranteed.
  const pupilRows = await jsonRows<PupilTuple>(db, sql`select json_group_array(
      json_array(id, first_name, last_name, skolform, arskurs, gets_grades, enrolled_at) order by last_name, first_name, id) as rows
    from ${pupils} where ${cond}`);
  // `in (subquery)` lets SQLite build the set of pupils once instead of re-checking the scope per row.
  const inScope = sql`(select ${pupils.id} from ${pupils} where ${cond})`;
  const memberships = await jsonRows<[string, string]>(db, sql`select json_group_array(json_array(gm.pupil_id, gm.group_id)) as rows
    from group_members gm where gm.pupil_id in ${inScope}`);
  const groupRows = await jsonRows<[string, string]>(db, sql`select json_group_array(json_array(id, name)) as rows from groups where school_id = ${actor.schoolId}`);

  const meetingsByPupil = new Map<string, DeadlineMeeting[]>();
  const iupsByPupil = new Map<string, DeadlineIup[]>();
  if (ctx) {
    const { schoolYear, start, end } = ctx.year.period;
    // A day of margin on each side: the local date of a samtal can differ from its UTC date.
    const from = `${addDays(start, -1)}T00:00:00.000Z`;
    const to = `${addDays(end, 2)}T00:00:00.000Z`;
    const meetingRows = await jsonRows<[string, string, string, DeadlineMeeting['status'], number]>(db, sql`
      select json_group_array(json_array(m.id, m.pupil_id, m.starts_at, m.status, json_array_length(m.agreements))) as rows
      from meetings m
      where m.pupil_id in ${inScope} and m.school_id = ${actor.schoolId} and m.starts_at >= ${from} and m.starts_at <= ${to}`);
    for (const [id, pupilId, startsAt, status, agreementCount] of meetingRows) {
      append(meetingsByPupil, pupilId, { id, startsAt, status, agreementCount });
    }
    // Status only: the sections (the heavy part) are not needed for deadlines.
    const iupRows = await jsonRows<[string, DeadlineIup['status']]>(db, sql`
      select json_group_array(json_array(d.pupil_id, d.status)) as rows
      from iup_documents d
      where d.pupil_id in ${inScope} and d.school_id = ${actor.schoolId} and d.school_year = ${schoolYear}`);
    for (const [pupilId, status] of iupRows) append(iupsByPupil, pupilId, { schoolYear, status });
  }

  const groupsOf = new Map<string, string[]>();
  for (const [pupilId, groupId] of memberships) append(groupsOf, pupilId, groupId);

  const summary = emptyCounts();
  const byGroup = new Map<string, { summary: ReturnType<typeof emptyCounts>; pupilIds: string[] }>();
  const out: DeadlineReport['pupils'] = [];
  for (const [id, firstName, lastName, skolform, arskurs, getsGrades, enrolledAt] of pupilRows) {
    const duties = ctx
      ? dutiesFor(ctx, { skolform, arskurs, getsGrades: getsGrades === 1, enrolledAt }, meetingsByPupil.get(id) ?? [], iupsByPupil.get(id) ?? [])
      : [];
    countStates(duties, summary);
    const groupIds = groupsOf.get(id) ?? [];
    for (const g of groupIds) {
      const entry = byGroup.get(g) ?? byGroup.set(g, { summary: emptyCounts(), pupilIds: [] }).get(g)!;
      countStates(duties, entry.summary);
      entry.pupilIds.push(id);
    }
    if (view === 'full') out.push({ id, firstName, lastName, groupIds, worst: worstState(duties), duties });
  }
  const names = new Map(groupRows);
  return {
    date,
    schoolYear: ctx?.schoolYear ?? null,
    calendarMissing: ctx === null,
    summary,
    groups: [...byGroup.entries()]
      .map(([id, g]) => ({ id, name: names.get(id) ?? '', ...g }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    pupils: out,
  };
}
