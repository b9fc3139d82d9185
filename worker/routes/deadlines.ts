import { createRoute } from '@hono/zod-openapi';
import { DEFAULT_TIME_ZONE, DeadlineQuery, DeadlineReport, localDate } from '../../shared/index';
import type { Deps } from '../context';
import { deadlineReport } from '../repositories/deadlines';
import { errors, forbidden, json, router, security } from './openapi-helpers';

export function deadlineRoutes({ db, clock }: Deps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get', path: '/', tags: ['deadlines'], security,
      description: 'Utvecklingssamtal, IUP, sharing and agreement duties per pupil, with counts per state overall and per group. `date` defaults to today (Europe/Stockholm).',
      request: { query: DeadlineQuery },
      responses: { 200: json(DeadlineReport, 'Duties and counts'), ...errors, ...forbidden },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const date = q.date ?? localDate(clock().toISOString(), DEFAULT_TIME_ZONE);
      return c.json(await deadlineReport(db, c.var.actor, q.scope, date, q.view), 200);
    },
  );
  return app;
}
