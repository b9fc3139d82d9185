import type { Client, InStatement } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../testing/fixture';

/**
 * Cost follows what the teacher sees: every statement a teacher's list or report request sends is
 * checked with EXPLAIN QUERY PLAN, and none may walk a school's pupils, meetings, IUPs or groups
 * (a full scan, or a walk of a `*_school` index). Her rows are reached from her own: mentees,
 * her teams' groups, then by pupil id.
 */
const WALKS_THE_SCHOOL =
  /\b(SCAN (pupils|meetings|iup_documents|groups|group_members|mentors|team_members)\b|USING (COVERING )?INDEX (pupils_school|meetings_school|iup_documents_school|groups_school)\b)/;

function recording(client: Client) {
  const statements: InStatement[] = [];
  let on = false;
  const wrapped = new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'execute')
        return (stmt: InStatement) => {
          if (on) statements.push(stmt);
          return target.execute(stmt);
        };
      if (prop === 'batch')
        return (stmts: InStatement[], mode?: 'write' | 'read' | 'deferred') => {
          if (on) statements.push(...stmts);
          return target.batch(stmts, mode);
        };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return {
    wrapped,
    statements,
    record: (value: boolean) => {
      on = value;
    },
  };
}

describe('query plans of a teacher’s requests', () => {
  it('never walk the school: deadlines (me, team), pupils, meetings, calendar', async () => {
    let rec!: ReturnType<typeof recording>;
    const t = await createTestApi({}, { wrapClient: (c) => (rec = recording(c)).wrapped });
    const raw = t.client;
    const paths = [
      '/v1/deadlines?scope=me&date=2026-11-22',
      '/v1/deadlines?scope=team&date=2026-11-22',
      '/v1/deadlines?scope=team&view=summary&date=2026-11-22',
      '/v1/pupils',
      `/v1/pupils?groupId=${t.a.classA}`,
      `/v1/pupils?teamId=${t.a.teamA}`,
      '/v1/meetings',
      `/v1/meetings?pupilId=${t.a.pupilA}`,
      '/v1/meetings.ics',
    ];
    for (const path of paths) {
      rec.statements.length = 0;
      rec.record(true);
      const res = await t.call(t.a.tokens.teacherA, 'GET', path);
      rec.record(false);
      expect([path, res.status]).toEqual([path, 200]);
      const touched: string[] = [];
      for (const stmt of rec.statements) {
        const { sql, args } =
          typeof stmt === 'string' ? { sql: stmt, args: [] } : { sql: stmt.sql, args: stmt.args ?? [] };
        if (!/^\s*select|^\s*with/i.test(sql)) continue;
        const plan = (await raw.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })).rows.map((r) => String(r.detail));
        touched.push(...plan);
        const walks = plan.filter((line) => WALKS_THE_SCHOOL.test(line));
        expect({ path, sql: sql.replace(/\s+/g, ' ').slice(0, 160), walks }).toEqual({
          path,
          sql: sql.replace(/\s+/g, ' ').slice(0, 160),
          walks: [],
        });
      }
      // The check saw the pupils table at all (so a route that silently stopped querying would show).
      expect([path, touched.some((l) => /pupils|mentors|group_members/.test(l))]).toEqual([path, true]);
    }
  });
});
