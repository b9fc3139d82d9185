import type { Context } from 'hono';
import type { AppConfig } from '../context';
import { addressKey, credentialKey, parseTrustedProxies, resolveClientAddress } from './client-address';
import { FailureLimiter } from './failure-limit';

/**
 * One guessing limit for every credential the API takes — personal tokens, share links and
 * calendar feed tokens — so trying one kind does not reset the count for another. Failures are
 * counted per client address (see `client-address.ts`) and per credential prefix.
 */
export class GuessGuard {
  readonly #limiter: FailureLimiter;
  readonly #trusted: ReturnType<typeof parseTrustedProxies>;

  constructor(readonly config: AppConfig) {
    this.#limiter = new FailureLimiter(config.guessLimit.maxFailures, config.guessLimit.windowMs);
    this.#trusted = parseTrustedProxies(config.trustedProxies);
  }

  #keys(c: Context, credential: string): string[] {
    return [addressKey(resolveClientAddress(c, this.config, this.#trusted)), credentialKey(credential)];
  }

  /** Seconds to wait when this request's address or credential is locked; 0 otherwise. */
  retryAfter(c: Context, credential: string, now: number): number {
    return this.#limiter.retryAfter(this.#keys(c, credential), now);
  }

  fail(c: Context, credential: string, now: number): void {
    this.#limiter.fail(this.#keys(c, credential), now);
  }
}
