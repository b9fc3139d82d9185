import { browser } from 'wxt/browser';
import {
  DRAFT_CHANGED, LIST_REVISIONS, LOAD_DRAFT, RESOLVE_CONFLICT, RESTORE_REVISION,
} from '../features/iup-panel/messages';
import { ApiClientError, apiClient, type ApiClient } from './api-client';
import { badgeCount, deadlineCacheItem, toDeadlineCache } from './deadline-cache';
import { draftKey, getDraftSync } from './draft-store';
import { loadDraft, resolveConflict, syncAllDrafts } from './draft-sync';
import { isConfigured, settingsItem } from './settings';

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
    // The minute alarm refreshes the badge anyway; right after a send only when duties may differ.
    if (!result.offline && result.dutiesMayChange) await refreshDeadlines().catch(() => undefined);
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}

const explain = (err: unknown) => ({ ok: false as const, error: err instanceof ApiClientError ? err.kind : 'error' });

export function startDraftSync(): void {
  // Retries whatever is still queued (offline, browser restarted) every minute.
  browser.alarms.create(DRAFT_ALARM, { periodInMinutes: 1, delayInMinutes: 0.1 });
  browser.alarms.onAlarm.addListener((alarm) => { if (alarm.name === DRAFT_ALARM) void flushDrafts().catch(() => undefined); });
  // At browser start (the background starts with it) and when the network comes back, at once.
  void flushDrafts().catch(() => undefined);
  globalThis.addEventListener?.('online', () => void flushDrafts().catch(() => undefined));

  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: string; pupilId?: string; schoolYear?: string; documentId?: string; version?: number; baseVersion?: number };
    if (m?.type === DRAFT_CHANGED) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flushDrafts().catch(() => undefined), SEND_DELAY_MS);
      return Promise.resolve(true);
    }
    if (m?.type === LOAD_DRAFT && m.pupilId && m.schoolYear) {
      return api().then(async (client) => {
        if (!client) return { ok: false, error: 'not-configured' };
        await loadDraft(client, m.pupilId!, m.schoolYear!);
        return { ok: true };
      }).catch(explain);
    }
    if (m?.type === RESOLVE_CONFLICT && m.pupilId && m.schoolYear) {
      return api().then(async (client) => {
        if (!client) return { ok: false, error: 'not-configured' };
        await resolveConflict(client, draftKey(m.pupilId!, m.schoolYear!));
        await refreshDeadlines().catch(() => undefined);
        return { ok: true };
      }).catch(explain);
    }
    if (m?.type === LIST_REVISIONS && m.documentId) {
      return api().then(async (client) => (client ? { ok: true, revisions: (await client.iupRevisions(m.documentId!)).revisions } : { ok: false })).catch(explain);
    }
    if (m?.type === RESTORE_REVISION && m.pupilId && m.schoolYear && typeof m.version === 'number') {
      return api().then(async (client) => {
        if (!client) return { ok: false };
        const sync = await getDraftSync(draftKey(m.pupilId!, m.schoolYear!));
        if (!sync.documentId || sync.baseVersion === null) return { ok: false };
        await client.restoreIupRevision(sync.documentId, m.version!, sync.baseVersion);
        await loadDraft(client, m.pupilId!, m.schoolYear!);
        return { ok: true };
      }).catch(explain);
    }
    return undefined;
  });
}
