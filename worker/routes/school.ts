import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { School, SchoolSettingsPatch } from '../../shared/index';
import type { Deps } from '../context';
import { ForbiddenError } from '../errors';
import { inlineReports } from '../reports/report-tasks';
import { getSchool, updateSchool } from '../repositories/schools';
import { errors, forbidden, json, preserialised, router, security } from './openapi-helpers';

export function schoolRoutes({ db, clock, reports }: Deps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['school'],
      security,
      responses: { 200: json(School, 'Calendar, settings and IUP template of your school'), ...errors },
    }),
    async (c) => c.json(await getSchool(db, c.var.actor.schoolId), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/',
      tags: ['school'],
      security,
      description: 'Admin only.',
      request: { body: { content: { 'application/json': { schema: SchoolSettingsPatch } }, required: true } },
      responses: { 200: json(School, 'Updated'), ...errors, ...forbidden },
    }),
    async (c) => {
      if (c.var.actor.role !== 'admin') throw new ForbiddenError('Only an admin can change school settings.');
      return c.json(
        await db.transaction((tx) =>
          updateSchool(tx, c.var.actor.schoolId, c.var.actor.teacherId, c.req.valid('json')),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags: ['school'],
      security,
      description:
        'Admin only. The whole school as one JSON document (format `iup-stod-school-export`, version 1): settings, staff, teams, groups, pupils, samtal, every IUP with all revisions, phrases with versions, audit log — not token or feed hashes. A consistent snapshot; the export is audit-logged.',
      responses: {
        200: {
          description: 'The export file',
          content: {
            'application/json': {
              schema: z.looseObject({ format: z.literal('iup-stod-school-export'), version: z.literal(1) }),
            },
          },
        },
        ...errors,
        ...forbidden,
      },
    }),
    async (c) => {
      if (c.var.actor.role !== 'admin') throw new ForbiddenError('Only an admin can export the school.');
      const at = clock().toISOString();
      // A whole school is a long read: it runs in a report thread on Node.
      const json = await (reports ?? inlineReports(db)).run('schoolExport', c.var.actor, at);
      c.header('content-disposition', `attachment; filename="iup-stod-export-${at.slice(0, 10)}.json"`);
      c.header('cache-control', 'no-store');
      return preserialised<{ format: 'iup-stod-school-export'; version: 1 }>(c, json);
    },
  );
  return app;
}
