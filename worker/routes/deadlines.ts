import { createRoute } from '@hono/zod-openapi';
import { DEFAULT_TIME_ZONE, DeadlineQuery, DeadlineReport, localDate } from '../../shared/index';
import type { Deps } from '../context';
import { inlineReports } from '../reports/report-tasks';
import { dutiesVersion } from '../repositories/schools';
import { errors, forbidden, json, preserialised, router, security } from './openapi-helpers';

/** FNV-1a, 32 bits: an opaque, stable tag for the parts of a report's identity. */
function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export function deadlineRoutes({ db, clock, reports: pool }: Deps) {
  const app = router();
  const inline = inlineReports(db);
  const reports = pool ?? inline;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['deadlines'],
      security,
      description:
        'Utvecklingssamtal, IUP, sharing and agreement duties per pupil, with counts per state overall and per group. `date` defaults to today (Europe/Stockholm). ' +
        'Answers carry an ETag that changes whenever anything the report depends on changes (or the date does): send it back in `If-None-Match` and an unchanged report is `304` without being computed.',
      request: { query: DeadlineQuery },
      responses: {
        200: json(DeadlineReport, 'Duties and counts'),
        304: { description: 'Unchanged since the ETag sent' },
        ...errors,
        ...forbidden,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { actor } = c.var;
      const date = q.date ?? localDate(clock().toISOString(), DEFAULT_TIME_ZONE);
      const view = q.view ?? (q.scope === 'school' ? 'summary' : 'full');
      // Read before the report, so a write in between makes the next poll compute again, never miss it.
      const version = await dutiesVersion(db, actor.schoolId);
      const etag = `W/"${version}-${fnv([date, q.scope, view, q.offset, q.limit, actor.teacherId, actor.role].join('|'))}"`;
      c.header('ETag', etag);
      c.header('Cache-Control', 'private, no-cache');
      if (
        c.req
          .header('if-none-match')
          ?.split(',')
          .some((t) => t.trim() === etag)
      )
        return c.body(null, 304);
      const page = view === 'full' ? { offset: q.offset, limit: q.limit } : null;
      // A teacher's own pupils cost a millisecond or two: inline. Team and school reports go to
      // the report threads (Node), where they cannot hold up an autosave.
      const runner = q.scope === 'me' ? inline : reports;
      return preserialised<DeadlineReport>(c, await runner.run('deadlineReport', actor, q.scope, date, view, page));
    },
  );
  return app;
}
