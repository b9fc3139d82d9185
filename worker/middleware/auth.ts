import type { MiddlewareHandler } from 'hono';
import { ActorCache } from '../auth/actor-cache';
import { hashToken } from '../auth/tokens';
import type { AppEnv, Deps } from '../context';
import { RateLimitedError, UnauthorizedError } from '../errors';
import { findActorByTokenHash, touchToken } from '../repositories/tokens';
import { clientAddress } from './client-address';
import { FailureLimiter } from './failure-limit';

/** Only refresh `last_used_at` once a minute per token, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Bearer-token authentication; sets `actor` for the routes behind it. Unknown and revoked tokens
 * count against the caller's address: past the limit every request from it gets 429 until the
 * window ends, before any lookup.
 */
export function auth(deps: Deps): MiddlewareHandler<AppEnv> {
  const cache = new ActorCache(deps.config.actorCacheMs);
  const guesses = new FailureLimiter(deps.config.guessLimit.maxFailures, deps.config.guessLimit.windowMs);
  return async function authenticate(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedError();
    const now = deps.clock().getTime();
    const address = clientAddress(c);
    const wait = guesses.retryAfter(address, now);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      throw new RateLimitedError(`Too many unknown or revoked tokens from this address; try again in ${wait} s.`);
    }
    const hash = await hashToken(match[1]!);
    let found = cache.get(hash, now);
    if (!found) {
      const row = await findActorByTokenHash(deps.db, hash);
      if (!row) {
        guesses.fail(address, now);
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
