import { createRoute } from '@hono/zod-openapi';
import { Me } from '../../shared/index';
import type { Deps } from '../context';
import { getMe } from '../repositories/people';
import { errors, json, router, security } from './openapi-helpers';

export function meRoutes({ db }: Deps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['me'],
      security,
      responses: { 200: json(Me, 'The teacher behind the token, with teams and groups'), ...errors },
    }),
    async (c) => c.json(await getMe(db, c.var.actor), 200),
  );
  return app;
}
