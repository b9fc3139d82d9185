import { browser } from 'wxt/browser';
import type { BackgroundHandlers } from '../messaging/dispatch';
import { apiClient } from '../sync/api-client';
import { syncPhrases } from '../sync/phrase-sync';
import { proposeDraftItem } from '../sync/session-items';
import { isConfigured, settingsItem } from '../sync/settings';
import { flushDrafts, refreshDeadlines } from './drafts';

const SYNC_ALARM = 'phrase-sync';
const PROPOSE_MENU = 'propose-phrase';

export async function syncNow() {
  const settings = await settingsItem.getValue();
  if (!isConfigured(settings)) return { ok: false as const, error: 'not-configured' as const };
  try {
    const result = await syncPhrases(apiClient(settings));
    await flushDrafts().catch(() => undefined);
    await refreshDeadlines().catch(() => undefined);
    return { ok: true as const, ...result };
  } catch {
    // Offline is normal: the cached bank keeps working and the next alarm tries again.
    return { ok: false as const, error: 'network' as const };
  }
}

/** The phrase bank page, with `text` waiting in the proposal form. */
async function openPhraseBank(text?: string): Promise<void> {
  if (text?.trim()) await proposeDraftItem.setValue(text.trim().slice(0, 1000));
  await browser.tabs.create({ url: browser.runtime.getURL(`/phrase-bank.html${text ? '#propose' : ''}`) });
}

/** The phrase bank syncs at start, every 15 minutes and when the settings change; "Föreslå som fras" on selected text. */
export function startPhraseBank(): void {
  browser.runtime.onInstalled.addListener(() => {
    // Menus persist across restarts; (re)created on install and update only.
    browser.contextMenus.create({
      id: PROPOSE_MENU,
      title: browser.i18n.getMessage('contextProposePhrase'),
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === PROPOSE_MENU) void openPhraseBank(info.selectionText ?? '');
  });
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 15, delayInMinutes: 0.1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void syncNow();
  });
  settingsItem.watch(() => void syncNow());
}

export const phraseBankHandlers = {
  'sync-now': () => syncNow(),
  'open-phrase-bank': async ({ text }) => {
    await openPhraseBank(text);
    return true as const;
  },
} satisfies Partial<BackgroundHandlers>;
