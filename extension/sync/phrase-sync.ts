import type { ApiClient } from './api-client';
import { mergePhrases, phraseCacheItem, phraseUsageItem } from './phrase-cache';
import { meItem, rosterItem, schoolOriginsItem, schoolSetupItem } from './roster-cache';

/**
 * Bring the offline phrase bank up to date with the `since` cursor (paging until the server has
 * nothing newer), then report this teacher's usage counts in one batch.
 */
export async function syncPhrases(api: ApiClient, now = () => new Date().toISOString()): Promise<{ phrases: number }> {
  let cache = await phraseCacheItem.getValue();
  for (let page = 0; page < 100; page++) {
    const result = await api.phrases(cache.nextSince);
    cache = mergePhrases(cache, result, now());
    if (result.phrases.length < 1000) break;
  }
  await phraseCacheItem.setValue(cache);

  const usage = await phraseUsageItem.getValue();
  const uses = Object.entries(usage.pending).map(([id, count]) => ({ id, count }));
  if (uses.length > 0) {
    for (let i = 0; i < uses.length; i += 500) await api.reportUsage(uses.slice(i, i + 500));
    // Keep uses made while the report was in flight.
    const latest = await phraseUsageItem.getValue();
    for (const { id, count } of uses) {
      const left = (latest.pending[id] ?? 0) - count;
      if (left > 0) latest.pending[id] = left;
      else delete latest.pending[id];
    }
    await phraseUsageItem.setValue(latest);
  }
  // The roster for placeholders: only what filling `{namn}` and the pronouns needs.
  const [{ pupils }, me] = await Promise.all([api.pupils(), api.me()]);
  await meItem.setValue({ teacherId: me.teacher.id, name: me.teacher.name, role: me.teacher.role });
  const classNames = new Map(me.groups.map((g) => [g.id, g.name]));
  await rosterItem.setValue({
    pupils: pupils.map((p) => ({
      id: p.id,
      firstName: p.firstName,
      lastName: p.lastName,
      pronoun: p.pronoun,
      lmsId: p.externalIds.lms ?? null,
      classes: p.groupIds.map((id) => classNames.get(id)).filter((n): n is string => n !== undefined),
    })),
    syncedAt: now(),
  });
  const school = await api.school();
  await schoolOriginsItem.setValue(school.settings.lmsOrigins.map((o) => new URL(o).origin));
  await schoolSetupItem.setValue({ template: school.template, pupilDetection: school.settings.pupilDetection });
  return { phrases: cache.phrases.length };
}
