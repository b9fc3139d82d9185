import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Deps } from '../context';
import { UnauthorizedError } from '../errors';
import { findActorByTokenHash, touchToken } from '../repositories/tokens';
import { hashToken } from '../auth/tokens';

/** Only refresh `last_used_at` once a minute per token, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

/** Bearer-token authentication; sets `actor` for the routes behind it. */
export function auth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async function authenticate(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedError();
    const found = await findActorByTokenHash(deps.db, await hashToken(match[1]!));
    if (!found) throw new UnauthorizedError('The token is unknown or has been revoked.');
    const now = deps.clock();
    if (!found.lastUsedAt || now.getTime() - Date.parse(found.lastUsedAt) > TOUCH_INTERVAL_MS) {
      await touchToken(deps.db, found.tokenId, now.toISOString());
    }
    c.set('actor', found.actor);
    await next();
  };
}
