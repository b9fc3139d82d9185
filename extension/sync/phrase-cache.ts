import { storage } from 'wxt/utils/storage';
import type { Phrase } from '../../shared/schemas/phrase';

/** The team's phrase bank as last synced, so the palette works offline. */
export interface PhraseCache {
  phrases: Phrase[];
  nextSince: string | null;
  syncedAt: string | null;
}

export const phraseCacheItem = storage.defineItem<PhraseCache>('local:phraseCache', {
  fallback: { phrases: [], nextSince: null, syncedAt: null },
});

/** This teacher's own use, for "recently/frequently used first"; `pending` is not yet reported. */
export interface PhraseUsage {
  uses: Record<string, { count: number; lastUsed: number }>;
  pending: Record<string, number>;
}

export const phraseUsageItem = storage.defineItem<PhraseUsage>('local:phraseUsage', {
  fallback: { uses: {}, pending: {} },
});

/** Apply a `since` page from the API: changed phrases replace old ones; deleted and retired go. */
export function mergePhrases(
  cache: PhraseCache,
  page: { phrases: Phrase[]; nextSince: string | null },
  now: string,
): PhraseCache {
  const byId = new Map(cache.phrases.map((p) => [p.id, p]));
  for (const p of page.phrases) {
    if (p.deleted || p.status === 'retired') byId.delete(p.id);
    else byId.set(p.id, p);
  }
  return { phrases: [...byId.values()], nextSince: page.nextSince ?? cache.nextSince, syncedAt: now };
}

export async function recordUse(id: string, now = Date.now()): Promise<void> {
  const usage = await phraseUsageItem.getValue();
  const prev = usage.uses[id];
  usage.uses[id] = { count: (prev?.count ?? 0) + 1, lastUsed: now };
  usage.pending[id] = (usage.pending[id] ?? 0) + 1;
  await phraseUsageItem.setValue(usage);
}
