import { createRoute } from '@hono/zod-openapi';
import { School, SchoolSettingsPatch } from '../../shared/index';
import type { Deps } from '../context';
import { ForbiddenError } from '../errors';
import { getSchool, updateSchool } from '../repositories/schools';
import { errors, forbidden, json, router, security } from './openapi-helpers';

export function schoolRoutes({ db }: Deps) {
  const app = router();
  app.openapi(
    createRoute({ method: 'get', path: '/', tags: ['school'], security, responses: { 200: json(School, 'Calendar, settings and IUP template of your school'), ...errors } }),
    async (c) => c.json(await getSchool(db, c.var.actor.schoolId), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch', path: '/', tags: ['school'], security, description: 'Admin only.',
      request: { body: { content: { 'application/json': { schema: SchoolSettingsPatch } }, required: true } },
      responses: { 200: json(School, 'Updated'), ...errors, ...forbidden },
    }),
    async (c) => {
      if (c.var.actor.role !== 'admin') throw new ForbiddenError('Only an admin can change school settings.');
      return c.json(await db.transaction((tx) => updateSchool(tx, c.var.actor.schoolId, c.var.actor.teacherId, c.req.valid('json'))), 200);
    },
  );
  return app;
}
