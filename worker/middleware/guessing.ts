import type { Context } from 'hono';
import type { AppConfig } from '../context';
import { addressKey, credentialKey, parseTrustedProxies, resolveClientAddress } from './client-address';
import { FailureLimiter } from './failure-limit';

/**
 * Where failures are counted. In one process, in its memory; with several API processes on one
 * machine (node:cluster), in the primary process, asked over IPC, so the limit holds for the
 * machine, not per process. Only failed credentials ever ask: a valid one never waits for it.
 */
export interface FailureCounts {
  /** Record one failure under `keys`; resolves the seconds to wait if any key was already locked, else 0. */
  failed(keys: readonly string[], now: number): Promise<number>;
}

export const localFailureCounts = (config: AppConfig): FailureCounts & { limiter: FailureLimiter } => {
  const limiter = new FailureLimiter(config.guessLimit.maxFailures, config.guessLimit.windowMs);
  return {
    limiter,
    async failed(keys, now) {
      const wait = limiter.retryAfter(keys, now);
      limiter.fail(keys, now);
      return wait;
    },
  };
};

/**
 * One guessing limit for every credential the API takes — personal tokens, share links and
 * calendar feed tokens — so trying one kind does not reset the count for another. Failures are
 * counted per client address (see `client-address.ts`) and per credential prefix.
 */
export class GuessGuard {
  readonly #trusted: ReturnType<typeof parseTrustedProxies>;

  constructor(
    readonly config: AppConfig,
    readonly counts: FailureCounts = localFailureCounts(config),
  ) {
    this.#trusted = parseTrustedProxies(config.trustedProxies);
  }

  /** Record that this request's credential failed; resolves the seconds it must wait (0: answer 401/404 as usual). */
  failed(c: Context, credential: string, now: number): Promise<number> {
    return this.counts.failed(
      [addressKey(resolveClientAddress(c, this.config, this.#trusted)), credentialKey(credential)],
      now,
    );
  }
}
