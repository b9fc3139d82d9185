import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { AccessLog, AccessLogQuery, accessLogToCsv } from '../../shared/schemas/access-log';
import type { Deps } from '../context';
import { accessLog } from '../repositories/access-log';
import { errors, forbidden, router, security } from './openapi-helpers';

/** Loggkontroll: an admin follows up who accessed a pupil's data, or what a staff member accessed. */
export function accessLogRoutes({ db }: Deps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['access log'],
      security,
      description:
        "Admin only. Reads and changes of pupils' data for one pupil (`pupilId`, whole-school exports included) or one staff member (`staffId`), newest first, as JSON or as CSV (`format=csv`, semicolons, UTF-8 with BOM). Entries name records, never their content.",
      request: { query: AccessLogQuery },
      responses: {
        200: {
          description: 'The entries',
          content: { 'application/json': { schema: AccessLog }, 'text/csv': { schema: z.string() } },
        },
        ...errors,
        ...forbidden,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const log = await accessLog(db, c.var.actor, q);
      c.header('cache-control', 'no-store');
      if (q.format === 'csv') {
        c.header(
          'content-disposition',
          `attachment; filename="atkomstlogg-${new Date().toISOString().slice(0, 10)}.csv"`,
        );
        return c.body(accessLogToCsv(log.entries), 200, { 'content-type': 'text/csv; charset=utf-8' });
      }
      return c.json(log, 200);
    },
  );
  return app;
}
