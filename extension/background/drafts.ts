import { browser } from 'wxt/browser';
import type { BackgroundHandlers } from '../messaging/dispatch';
import { apiClient, type ApiClient } from '../sync/api-client';
import { badgeCount, deadlineCacheItem, toDeadlineCache } from '../sync/deadline-cache';
import { draftKey, getDraftSync } from '../sync/draft-store';
import { loadDraft, resolveConflict, syncAllDrafts } from '../sync/draft-sync';
import { isConfigured, settingsItem } from '../sync/settings';
import { withApi } from './with-api';

const DRAFT_ALARM = 'draft-sync';
/** After a local change, wait this long for more typing before sending. */
const SEND_DELAY_MS = 1500;

async function api(): Promise<ApiClient | null> {
  const s = await settingsItem.getValue();
  return isConfigured(s) ? apiClient(s) : null;
}

/**
 * Refresh the teacher's duties and the toolbar badge (overdue + due soon among her pupils). The
 * last report's ETag goes along: when nothing changed the API answers 304 without computing.
 */
export async function refreshDeadlines(): Promise<void> {
  const client = await api();
  if (!client) return;
  const previous = await deadlineCacheItem.getValue();
  const answer = await client.deadlinesIfChanged('me', 'full', previous.etag);
  const now = new Date().toISOString();
  const cache = answer.report ? toDeadlineCache(answer.report, now, answer.etag) : { ...previous, syncedAt: now };
  await deadlineCacheItem.setValue(cache);
  const n = badgeCount(cache);
  await browser.action.setBadgeText({ text: n > 0 ? String(n) : '' });
  await browser.action.setBadgeBackgroundColor({ color: '#c92a2a' });
}

let queue: Promise<unknown> = Promise.resolve();
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * Send queued drafts, then refresh the duties that the saves may change. Runs one at a time: each
 * call queues behind the previous one (a promise chain, so a waiting call never spins).
 */
export function flushDrafts(): Promise<{ pending: number; offline: boolean } | null> {
  const run = queue.then(async () => {
    const client = await api();
    if (!client) return null;
    const result = await syncAllDrafts(client);
    // Right after a send only when duties may differ; the minute alarm asks anyway (a 304, mostly).
    if (!result.offline && result.dutiesMayChange) await refreshDeadlines().catch(() => undefined);
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

export function startDraftSync(): void {
  // Every minute: retry whatever is still queued (offline, browser restarted), and ask whether
  // the duties changed (others book samtal too); an unchanged report is a 304.
  void browser.alarms.create(DRAFT_ALARM, { periodInMinutes: 1, delayInMinutes: 0.1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DRAFT_ALARM)
      void flushDrafts()
        .then(() => refreshDeadlines())
        .catch(() => undefined);
  });
  // At browser start (the background starts with it) and when the network comes back, at once.
  void flushDrafts().catch(() => undefined);
  globalThis.addEventListener?.('online', () => void flushDrafts().catch(() => undefined));
}

export const draftHandlers = {
  'draft-changed': async () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flushDrafts().catch(() => undefined), SEND_DELAY_MS);
    return true as const;
  },
  'load-draft': ({ pupilId, schoolYear }) =>
    withApi(async (api) => {
      await loadDraft(api, pupilId, schoolYear);
      return {};
    }),
  'resolve-conflict': ({ pupilId, schoolYear }) =>
    withApi(async (api) => {
      await resolveConflict(api, draftKey(pupilId, schoolYear));
      await refreshDeadlines().catch(() => undefined);
      return {};
    }),
  'list-revisions': ({ documentId }) =>
    withApi(async (api) => ({ revisions: (await api.iupRevisions(documentId)).revisions })),
  'restore-revision': ({ pupilId, schoolYear, version }) =>
    withApi(async (api) => {
      const sync = await getDraftSync(draftKey(pupilId, schoolYear));
      if (!sync.documentId || sync.baseVersion === null) throw new Error('nothing saved to restore onto yet');
      await api.restoreIupRevision(sync.documentId, version, sync.baseVersion);
      await loadDraft(api, pupilId, schoolYear);
      return {};
    }),
} satisfies Partial<BackgroundHandlers>;
