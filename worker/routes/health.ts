import { Hono } from 'hono';
import { sql } from 'drizzle-orm';
import type { AppEnv, Deps } from '../context';

/** Unauthenticated liveness + database check for load balancers and uptime monitors. */
export function healthRoutes({ db }: Deps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    await db.run(sql`select 1`);
    return c.json({ ok: true, service: 'iup-stod', api: 'v1' });
  });
}
