import '../zod-config';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { OPEN_PALETTE, OPEN_PHRASE_BANK, SYNC_NOW } from '../features/phrase-palette/messages';
import { proposeDraftItem } from './phrase-bank/propose-draft';
import { OPEN_PANEL } from '../features/iup-panel/messages';
import { startPaletteRelay } from '../features/phrase-palette/relay';
import { reconcileSites } from '../site-activation';
import { apiClient } from '../sync/api-client';
import { flushDrafts, refreshDeadlines, startDraftSync } from '../sync/draft-background';
import { syncPhrases } from '../sync/phrase-sync';
import { startShareRelay } from '../sync/share-background';
import { isConfigured, settingsItem } from '../sync/settings';

const SYNC_ALARM = 'phrase-sync';

async function syncNow(): Promise<{ ok: boolean; phrases?: number; error?: string }> {
  const settings = await settingsItem.getValue();
  if (!isConfigured(settings)) return { ok: false, error: 'not-configured' };
  try {
    const result = await syncPhrases(apiClient(settings));
    await flushDrafts().catch(() => undefined);
    await refreshDeadlines().catch(() => undefined);
    return { ok: true, ...result };
  } catch (err) {
    // Offline is normal: the cached bank keeps working and the next alarm tries again.
    return { ok: false, error: err instanceof Error ? err.name : 'error' };
  }
}

const PROPOSE_MENU = 'propose-phrase';

/** The phrase bank page, with `text` waiting in the proposal form. */
async function openPhraseBank(text?: string): Promise<void> {
  if (text?.trim()) await proposeDraftItem.setValue(text.trim().slice(0, 1000));
  await browser.tabs.create({ url: browser.runtime.getURL(`/phrase-bank.html${text ? '#propose' : ''}`) });
}

export default defineBackground(() => {
  // The palette (a content script) remembers the chosen pupil for this browser session only.
  void (browser.storage.session as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> })
    .setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' })
    .catch(() => undefined);
  browser.runtime.onInstalled.addListener(() => {
    void reconcileSites();
    // Menus persist across restarts; (re)created on install and update only.
    browser.contextMenus.create({ id: PROPOSE_MENU, title: browser.i18n.getMessage('contextProposePhrase'), contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === PROPOSE_MENU) void openPhraseBank(info.selectionText ?? '');
  });
  browser.runtime.onStartup.addListener(() => void reconcileSites());
  browser.permissions.onRemoved.addListener(() => void reconcileSites());
  void reconcileSites();

  browser.alarms.create(SYNC_ALARM, { periodInMinutes: 15, delayInMinutes: 0.1 });
  browser.alarms.onAlarm.addListener((alarm) => { if (alarm.name === SYNC_ALARM) void syncNow(); });
  settingsItem.watch(() => void syncNow());

  startPaletteRelay();
  startDraftSync();
  startShareRelay();
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: string; text?: unknown };
    if (m?.type === SYNC_NOW) return syncNow();
    if (m?.type === OPEN_PHRASE_BANK) return openPhraseBank(typeof m.text === 'string' ? m.text : undefined).then(() => true);
    return undefined;
  });

  // The shortcut (Alt+Shift+P by default; teachers can change it in the browser's shortcut
  // settings) goes to every frame of the active tab; the frame with the focused field answers.
  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    if (command === 'open-palette') await browser.tabs.sendMessage(tab.id, { type: OPEN_PALETTE }).catch(() => undefined);
    // The panel lives in the top frame only.
    if (command === 'open-panel') await browser.tabs.sendMessage(tab.id, { type: OPEN_PANEL }, { frameId: 0 }).catch(() => undefined);
  });
});
