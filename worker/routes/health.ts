import { Hono } from 'hono';
import type { AppEnv, Deps } from '../context';
import { databaseAnswers } from '../repositories/health';

/** Unauthenticated liveness + database check for load balancers and uptime monitors. */
export function healthRoutes({ db }: Deps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    await databaseAnswers(db);
    return c.json({ ok: true, service: 'iup-stod', api: 'v1' });
  });
}
