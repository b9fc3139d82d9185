import { createRoute } from '@hono/zod-openapi';
import { CalendarFeedCreated, CalendarFeedList } from '../../shared/schemas/responses';
import { Hono } from 'hono';
import type { Actor, AppEnv, Deps } from '../context';
import { NotFoundError, RateLimitedError } from '../errors';
import type { GuessGuard } from '../middleware/guessing';
import { meetingsCalendar } from '../calendar/ics';
import { actorForFeedToken, createFeed, listFeeds, plannedMeetingsFor, revokeFeed } from '../repositories/calendar';
import { Deleted, errors, IdParam, json, router, security } from './openapi-helpers';

const LOOKBACK_MS = 30 * 86_400_000;

/** The actor's planned samtal from a month back on, as an iCalendar response. */
async function feedResponse({ db, clock }: Deps, actor: Actor): Promise<Response> {
  const now = clock();
  const items = await plannedMeetingsFor(db, actor, new Date(now.getTime() - LOOKBACK_MS).toISOString());
  return new Response(meetingsCalendar(items, now), {
    headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' },
  });
}

/** Authenticated calendar routes, mounted under /v1. */
export function calendarRoutes(deps: Deps) {
  const { db, clock } = deps;
  const app = router();
  app.get('/meetings.ics', (c) => feedResponse(deps, c.var.actor));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/calendar-feeds',
      tags: ['calendar'],
      security,
      description: 'A revocable subscription URL for calendar apps. The token in it is shown once.',
      responses: { 201: json(CalendarFeedCreated, 'The feed path, relative to the API'), ...errors },
    }),
    async (c) => {
      const { id, token } = await createFeed(db, c.var.actor);
      return c.json({ id, path: `/v1/calendar/${token}/meetings.ics` }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/calendar-feeds',
      tags: ['calendar'],
      security,
      responses: { 200: json(CalendarFeedList, 'Your feeds'), ...errors },
    }),
    async (c) => c.json({ feeds: await listFeeds(db, c.var.actor) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/calendar-feeds/{id}',
      tags: ['calendar'],
      security,
      request: { params: IdParam },
      responses: { 200: json(Deleted, 'Revoked'), ...errors },
    }),
    async (c) => {
      await revokeFeed(db, c.var.actor, c.req.valid('param').id, clock().toISOString());
      return c.json({ deleted: true as const }, 200);
    },
  );
  return app;
}

/**
 * The subscription URL itself: the feed token is the credential, so it sits outside bearer auth,
 * and an unknown one counts as a guess as an unknown API token does.
 */
export function publicCalendarRoutes(deps: Deps, guesses: GuessGuard) {
  return new Hono<AppEnv>().get('/:token/meetings.ics', async (c) => {
    const token = c.req.param('token');
    const actor = await actorForFeedToken(deps.db, token);
    if (!actor) {
      const now = deps.clock().getTime();
      const wait = await guesses.failed(c, token, now);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new RateLimitedError(`Too many unknown calendar feeds from this address; try again in ${wait} s.`);
      }
      throw new NotFoundError('Calendar feed');
    }
    return feedResponse(deps, actor);
  });
}
