import type { Actor } from '../context';

export interface CachedActor {
  actor: Actor;
  tokenId: string;
  lastUsedAt: string | null;
  cachedAt: number;
}

/**
 * Resolved tokens for a few seconds, so an autosave burst does not look the token and the
 * teacher's teams up on every request. Revoking a token in this process empties every cache at
 * once (the generation below); a token revoked from another process (the admin CLI) stops
 * working within `ttlMs`. Bounded, oldest entries dropped first.
 */
let generation = 0;
export const invalidateActorCaches = () => {
  generation++;
};

export class ActorCache {
  readonly #entries = new Map<string, CachedActor>();
  #generation = generation;

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 5_000,
  ) {}

  get(tokenHash: string, now: number): CachedActor | undefined {
    if (this.#generation !== generation) {
      this.#entries.clear();
      this.#generation = generation;
    }
    const hit = this.#entries.get(tokenHash);
    if (!hit) return undefined;
    if (now - hit.cachedAt > this.ttlMs) {
      this.#entries.delete(tokenHash);
      return undefined;
    }
    return hit;
  }

  set(tokenHash: string, entry: CachedActor): void {
    if (this.ttlMs <= 0) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(tokenHash, entry);
  }
}
