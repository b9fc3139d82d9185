import { sql, type SQL } from 'drizzle-orm';
import {
  addDays,
  countStates,
  DEFAULT_TIME_ZONE,
  dutiesFor,
  emptyCounts,
  prepareDeadlines,
  worstState,
  type DeadlineInvitation,
  type DeadlineIup,
  type DeadlineMeeting,
  type DeadlineReport,
  type Skolform,
} from '../../shared/index';
import type { Actor } from '../context';
import type { Executor } from '../db/client';
import { pupils } from '../db/schema';
import { ForbiddenError } from '../errors';
import { getSchool } from './schools';
import { mentoredPupilIds, pupilsIn, pupilVisible, teamPupilIds } from './visibility';

export type DeadlineScope = 'me' | 'team' | 'school';

/**
 * The pupils of a scope and how the rows about them are found. A teacher's scopes start from her
 * own rows (mentees, her teams' groups) and reach everything else by pupil id, so a badge poll
 * costs what she sees, not what the school holds; the school scope walks the school by its
 * indexes, as an overview of the school must.
 */
function scopeCondition(actor: Actor, scope: DeadlineScope): SQL {
  switch (scope) {
    case 'me':
      return pupilsIn(actor, mentoredPupilIds(actor));
    case 'team':
      return pupilsIn(actor, teamPupilIds(actor));
    case 'school':
      if (actor.role !== 'admin')
        throw new ForbiddenError('The whole-school overview is for admins; use scope=team or scope=me.');
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

/** One pupil with everything its duties depend on. */
interface PupilInputs {
  id: string;
  firstName: string;
  lastName: string;
  skolform: Skolform;
  arskurs: number;
  getsGrades: 0 | 1;
  enrolledAt: string | null;
  groupIds: string[];
  meetings: DeadlineMeeting[];
  iup: IupTuple | null;
  invitations: DeadlineInvitation[];
  shares: string[];
}

/** The läsår's IUP as the rules need it: status, when shared, whether agreed at a held samtal. */
type IupTuple = [status: DeadlineIup['status'], sharedAt: string | null, agreedAtSamtal: 0 | 1];

interface ReportWindow {
  from: string;
  to: string;
  schoolYear: string;
  ordered: boolean;
}

type MeetingTuple = [id: string, startsAt: string, status: DeadlineMeeting['status'], agreementCount: number];
type PupilTuple = [
  id: string,
  firstName: string,
  lastName: string,
  skolform: Skolform,
  arskurs: number,
  getsGrades: 0 | 1,
  enrolledAt: string | null,
];

const toMeeting = ([id, startsAt, status, agreementCount]: MeetingTuple): DeadlineMeeting => ({
  id,
  startsAt,
  status,
  agreementCount,
});
// Names only where they are listed (the full view): a school summary need not read 20,000 of them.
const pupilColumns = (w: ReportWindow) =>
  w.ordered
    ? sql`${pupils.id}, ${pupils.firstName}, ${pupils.lastName}, ${pupils.skolform}, ${pupils.arskurs}, ${pupils.getsGrades}, ${pupils.enrolledAt}`
    : sql`${pupils.id}, '', '', ${pupils.skolform}, ${pupils.arskurs}, ${pupils.getsGrades}, ${pupils.enrolledAt}`;
const nameOrder = (w: ReportWindow) =>
  w.ordered ? sql`order by ${pupils.lastName}, ${pupils.firstName}, ${pupils.id}` : sql``;

/** A teacher's pupils, each with its own groups, samtal and IUP status, found by pupil id. */
async function teacherInputs(db: Executor, cond: SQL, w: ReportWindow): Promise<PupilInputs[]> {
  const rows = await jsonRows<[...PupilTuple, string[], MeetingTuple[], IupTuple | null, [string, 0 | 1][], string[]]>(
    db,
    sql`select json_group_array(json_array(
      ${pupilColumns(w)},
      json((select json_group_array(gm.group_id) from group_members gm where gm.pupil_id = ${pupils.id})),
      json((select json_group_array(json_array(m.id, m.starts_at, m.status, m.agreement_count))
        from meetings m where m.pupil_id = ${pupils.id} and m.starts_at >= ${w.from} and m.starts_at <= ${w.to})),
      json((select json_array(d.status, d.shared_at, d.agreed_meeting_id is not null)
        from iup_documents d where d.pupil_id = ${pupils.id} and d.school_year = ${w.schoolYear})),
      json((select json_group_array(json_array(i.sent_at, i.declined_at is not null))
        from samtal_invitations i where i.pupil_id = ${pupils.id} and i.school_year = ${w.schoolYear})),
      json((select json_group_array(l.created_at) from share_links l
        where l.pupil_id = ${pupils.id} and l.created_at >= ${w.from} and l.created_at <= ${w.to}))
    ) ${nameOrder(w)}) as rows from ${pupils} where ${cond}`,
  );
  return rows.map(
    ([id, firstName, lastName, skolform, arskurs, getsGrades, enrolledAt, groupIds, meetings, iup, invs, shares]) => ({
      id,
      firstName,
      lastName,
      skolform,
      arskurs,
      getsGrades,
      enrolledAt,
      groupIds,
      meetings: meetings.map(toMeeting),
      iup,
      invitations: invs.map(([sentAt, declined]) => ({ sentAt, declined: declined === 1 })),
      shares,
    }),
  );
}

/** Every pupil an admin may list, and each table's rows of the school in one pass by its school index. */
async function schoolInputs(db: Executor, cond: SQL, actor: Actor, w: ReportWindow): Promise<PupilInputs[]> {
  const [pupilRows, memberships, meetingRows, iupRows, invitationRows, shareRows] = [
    await jsonRows<PupilTuple>(
      db,
      sql`select json_group_array(json_array(${pupilColumns(w)}) ${nameOrder(w)}) as rows from ${pupils} where ${cond}`,
    ),
    await jsonRows<[string, string]>(
      db,
      sql`select json_group_array(json_array(gm.pupil_id, gm.group_id)) as rows
      from groups g join group_members gm on gm.group_id = g.id where g.school_id = ${actor.schoolId}`,
    ),
    await jsonRows<[string, ...MeetingTuple]>(
      db,
      sql`select json_group_array(json_array(m.pupil_id, m.id, m.starts_at, m.status, m.agreement_count)) as rows
      from meetings m where m.school_id = ${actor.schoolId} and m.starts_at >= ${w.from} and m.starts_at <= ${w.to}`,
    ),
    await jsonRows<[string, ...IupTuple]>(
      db,
      sql`select json_group_array(json_array(d.pupil_id, d.status, d.shared_at, d.agreed_meeting_id is not null)) as rows
      from iup_documents d where d.school_id = ${actor.schoolId} and d.school_year = ${w.schoolYear}`,
    ),
    await jsonRows<[string, string, 0 | 1]>(
      db,
      sql`select json_group_array(json_array(i.pupil_id, i.sent_at, i.declined_at is not null)) as rows
      from samtal_invitations i where i.school_id = ${actor.schoolId} and i.school_year = ${w.schoolYear}`,
    ),
    await jsonRows<[string, string]>(
      db,
      sql`select json_group_array(json_array(l.pupil_id, l.created_at)) as rows
      from share_links l where l.school_id = ${actor.schoolId} and l.created_at >= ${w.from} and l.created_at <= ${w.to}`,
    ),
  ];
  // Plain loops and index access: this runs for every row of a whole school.
  const inputs = new Map<string, PupilInputs>();
  for (const r of pupilRows) {
    inputs.set(r[0], {
      id: r[0],
      firstName: r[1],
      lastName: r[2],
      skolform: r[3],
      arskurs: r[4],
      getsGrades: r[5],
      enrolledAt: r[6],
      groupIds: [],
      meetings: [],
      iup: null,
      invitations: [],
      shares: [],
    });
  }
  // Rows of pupils the admin may not list (security-marked) find no entry and are left out.
  for (const r of memberships) inputs.get(r[0])?.groupIds.push(r[1]);
  for (const r of meetingRows)
    inputs.get(r[0])?.meetings.push({ id: r[1], startsAt: r[2], status: r[3], agreementCount: r[4] });
  for (const r of invitationRows) inputs.get(r[0])?.invitations.push({ sentAt: r[1], declined: r[2] === 1 });
  for (const r of shareRows) inputs.get(r[0])?.shares.push(r[1]);
  for (const r of iupRows) {
    const p = inputs.get(r[0]);
    if (p) p.iup = [r[1], r[2], r[3]];
  }
  return [...inputs.values()];
}

export interface DeadlinePage {
  offset: number;
  limit: number;
}

/**
 * Deadlines for every pupil in scope, then the shared rules in memory. Two ways to read the
 * inputs, because cost must follow what is asked for:
 * - a teacher's scope (`me`, `team`): one query that builds, per pupil of hers, everything the
 *   rules need — groups, the läsår's samtal, the IUP's status — each reached through its index on
 *   the pupil, so the cost is her pupils, not the school;
 * - the school (an admin's overview): one pass over each table by its school index, which beats
 *   20,000 lookups per table.
 * `page` limits the pupils listed in the full view; the counts always cover everyone.
 */
export async function deadlineReport(
  db: Executor,
  actor: Actor,
  scope: DeadlineScope,
  date: string,
  view: 'full' | 'summary' = 'full',
  page: DeadlinePage | null = null,
): Promise<DeadlineReport> {
  const cond = scopeCondition(actor, scope);
  const school = await getSchool(db, actor.schoolId);
  const ctx = prepareDeadlines(school.calendar, school.settings, date, DEFAULT_TIME_ZONE);
  const period = ctx?.year.period;
  const window: ReportWindow = {
    // A day of margin on each side: the local date of a samtal can differ from its UTC date.
    from: period ? `${addDays(period.start, -1)}T00:00:00.000Z` : '9999',
    to: period ? `${addDays(period.end, 2)}T00:00:00.000Z` : '0000',
    schoolYear: ctx?.schoolYear ?? '',
    // The listing is in name order (aggregate ORDER BY, SQLite ≥ 3.44); counts need no order.
    ordered: view === 'full',
  };
  const rows = scope === 'school' ? await schoolInputs(db, cond, actor, window) : await teacherInputs(db, cond, window);

  const summary = emptyCounts();
  const byGroup = new Map<string, { summary: ReturnType<typeof emptyCounts>; pupilIds: string[] }>();
  const out: DeadlineReport['pupils'] = [];
  const noIup: DeadlineIup[] = [];
  for (const {
    id,
    firstName,
    lastName,
    skolform,
    arskurs,
    getsGrades,
    enrolledAt,
    groupIds,
    meetings,
    iup,
    invitations,
    shares,
  } of rows) {
    const iups =
      iup && ctx?.schoolYear
        ? [{ schoolYear: ctx.schoolYear, status: iup[0], sharedAt: iup[1], agreedAtSamtal: iup[2] === 1 }]
        : noIup;
    const duties = ctx
      ? dutiesFor(
          ctx,
          { skolform, arskurs, getsGrades: getsGrades === 1, enrolledAt },
          meetings,
          iups,
          invitations,
          shares,
        )
      : [];
    countStates(duties, summary);
    for (const g of groupIds) {
      let entry = byGroup.get(g);
      if (!entry) byGroup.set(g, (entry = { summary: emptyCounts(), pupilIds: [] }));
      countStates(duties, entry.summary);
      entry.pupilIds.push(id);
    }
    if (view === 'full') out.push({ id, firstName, lastName, groupIds, worst: worstState(duties), duties });
  }
  const groupRows = await jsonRows<[string, string]>(
    db,
    sql`select json_group_array(json_array(id, name)) as rows from groups
    where id in (select value from json_each(${JSON.stringify([...byGroup.keys()])})) and +school_id = ${actor.schoolId}`,
  );
  const names = new Map(groupRows);
  const listed = page ? out.slice(page.offset, page.offset + page.limit) : out;
  return {
    date,
    schoolYear: ctx?.schoolYear ?? null,
    calendarMissing: ctx === null,
    summary,
    groups: [...byGroup.entries()]
      // Ids sorted, so the same group reads the same in both views (the summary has no name order).
      .map(([gid, g]) => ({ id: gid, name: names.get(gid) ?? '', summary: g.summary, pupilIds: g.pupilIds.sort() }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
    pupils: listed,
    ...(page && view === 'full' ? { page: { offset: page.offset, limit: page.limit, total: out.length } } : {}),
  };
}
