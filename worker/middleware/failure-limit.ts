/**
 * Counts failed attempts (unknown tokens, unknown share links) per client address in fixed
 * windows, so guessing gets 429 long before it could succeed: a token has 256 random bits, but a
 * limit also keeps a guessing client from loading the database. In memory per process (per
 * isolate on Workers, where Cloudflare's own rate limiting rules are the outer fence); bounded.
 */
export class FailureLimiter {
  readonly #windows = new Map<string, { start: number; failures: number }>();

  constructor(readonly maxFailures: number, readonly windowMs: number, readonly maxKeys = 10_000) {}

  /** Seconds until the address may try again, or 0 if it may try now. */
  retryAfter(key: string, now: number): number {
    const w = this.#windows.get(key);
    if (!w) return 0;
    if (now - w.start >= this.windowMs) { this.#windows.delete(key); return 0; }
    return w.failures >= this.maxFailures ? Math.ceil((w.start + this.windowMs - now) / 1000) : 0;
  }

  fail(key: string, now: number): void {
    const w = this.#windows.get(key);
    if (w && now - w.start < this.windowMs) { w.failures++; return; }
    if (!w && this.#windows.size >= this.maxKeys) this.#windows.delete(this.#windows.keys().next().value!);
    this.#windows.set(key, { start: now, failures: 1 });
  }
}
