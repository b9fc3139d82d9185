import type { MiddlewareHandler } from 'hono';
import { ActorCache } from '../auth/actor-cache';
import { hashToken } from '../auth/tokens';
import type { AppEnv, Deps } from '../context';
import { RateLimitedError, UnauthorizedError } from '../errors';
import { findActorByTokenHash, touchToken } from '../repositories/tokens';
import type { GuessGuard } from './guessing';

/** Only refresh `last_used_at` once a minute per token, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Bearer-token authentication; sets `actor` for the routes behind it. Unknown and revoked tokens
 * count against the caller's address and the token's prefix (`GuessGuard`): past the limit they
 * get 429 with Retry-After instead of 401. A valid token always passes, whatever others sent from
 * the same address.
 */
export function auth(deps: Deps, guesses: GuessGuard): MiddlewareHandler<AppEnv> {
  const cache = new ActorCache(deps.config.actorCacheMs);
  return async function authenticate(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedError();
    const now = deps.clock().getTime();
    const token = match[1]!;
    const hash = await hashToken(token);
    let found = cache.get(hash, now);
    if (!found) {
      const row = await findActorByTokenHash(deps.db, hash);
      if (!row) {
        const wait = await guesses.failed(c, token, now);
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          throw new RateLimitedError(`Too many unknown or revoked tokens from this address; try again in ${wait} s.`);
        }
        throw new UnauthorizedError('The token is unknown or has been revoked.');
      }
      found = { ...row, cachedAt: now };
      cache.set(hash, found);
    }
    if (!found.lastUsedAt || now - Date.parse(found.lastUsedAt) > TOUCH_INTERVAL_MS) {
      found.lastUsedAt = new Date(now).toISOString();
      await touchToken(deps.db, found.tokenId, found.lastUsedAt);
    }
    c.set('actor', found.actor);
    await next();
  };
}
