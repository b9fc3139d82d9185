/**
 * Counts failed credential attempts (unknown or revoked API tokens, unknown share links and
 * calendar feeds) in fixed windows, per key: the client's address and the credential's prefix.
 * Past the limit, a key is *locked* until its window ends: a request that fails while one of its
 * keys is locked gets 429 instead of 401/404. A credential that is valid always passes — a school
 * behind one NAT address must not be locked out by one misconfigured client — so guessing is
 * bounded by the credentials' 256 random bits, and the limit makes it visible and slow to learn
 * from.
 *
 * Memory is bounded (`maxKeys`) without letting a client clear a lock by filling the table with
 * new addresses: expired windows are swept first, then unlocked ones; a lock is never dropped
 * before its window ends. When every entry is a live lock, new keys share one overflow bucket,
 * which locks as soon as it is full — so rotating addresses only ever get there faster.
 *
 * In memory, per process (per isolate on Workers, where Cloudflare's rate-limiting rules are the
 * outer fence): see the README on several processes.
 */
export class FailureLimiter {
  readonly #windows = new Map<string, { start: number; failures: number }>();

  constructor(
    readonly maxFailures: number,
    readonly windowMs: number,
    readonly maxKeys = 10_000,
  ) {}

  /** Seconds until none of `keys` is locked any more; 0 when none is locked now. */
  retryAfter(keys: readonly string[], now: number): number {
    let wait = 0;
    for (const key of keys) {
      const w = this.#windows.get(this.#slot(key, now));
      if (!w) continue;
      if (now - w.start >= this.windowMs) continue;
      if (w.failures >= this.maxFailures) wait = Math.max(wait, Math.ceil((w.start + this.windowMs - now) / 1000));
    }
    return wait;
  }

  fail(keys: readonly string[], now: number): void {
    for (const key of keys) {
      const slot = this.#slot(key, now, true);
      const w = this.#windows.get(slot);
      if (w && now - w.start < this.windowMs) w.failures++;
      else this.#windows.set(slot, { start: now, failures: 1 });
    }
  }

  /** Entries held now (for tests of the bound). */
  get size(): number {
    return this.#windows.size;
  }

  /** The map key for `key`: itself, or the overflow bucket when the table is full of live locks. */
  #slot(key: string, now: number, making = false): string {
    if (this.#windows.has(key) || this.#windows.size < this.maxKeys) return key;
    if (!making) return OVERFLOW;
    this.#makeRoom(now);
    return this.#windows.size < this.maxKeys ? key : OVERFLOW;
  }

  #makeRoom(now: number): void {
    for (const [k, w] of this.#windows) if (now - w.start >= this.windowMs) this.#windows.delete(k);
    if (this.#windows.size < this.maxKeys) return;
    // Oldest unlocked entries first; a Map iterates in insertion order.
    for (const [k, w] of this.#windows) {
      if (k !== OVERFLOW && w.failures < this.maxFailures) {
        this.#windows.delete(k);
        return;
      }
    }
  }
}

const OVERFLOW = '\u0000overflow';
