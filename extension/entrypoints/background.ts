import '../zod-config';
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { OPEN_PALETTE, SYNC_NOW } from '../features/phrase-palette/messages';
import { startPaletteRelay } from '../features/phrase-palette/relay';
import { reconcileSites } from '../site-activation';
import { apiClient } from '../sync/api-client';
import { syncPhrases } from '../sync/phrase-sync';
import { isConfigured, settingsItem } from '../sync/settings';

const SYNC_ALARM = 'phrase-sync';

async function syncNow(): Promise<{ ok: boolean; phrases?: number; error?: string }> {
  const settings = await settingsItem.getValue();
  if (!isConfigured(settings)) return { ok: false, error: 'not-configured' };
  try {
    return { ok: true, ...(await syncPhrases(apiClient(settings))) };
  } catch (err) {
    // Offline is normal: the cached bank keeps working and the next alarm tries again.
    return { ok: false, error: err instanceof Error ? err.name : 'error' };
  }
}

export default defineBackground(() => {
  // The palette (a content script) remembers the chosen pupil for this browser session only.
  void (browser.storage.session as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> })
    .setAccessLevel?.({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' })
    .catch(() => undefined);
  browser.runtime.onInstalled.addListener(() => void reconcileSites());
  browser.runtime.onStartup.addListener(() => void reconcileSites());
  browser.permissions.onRemoved.addListener(() => void reconcileSites());
  void reconcileSites();

  browser.alarms.create(SYNC_ALARM, { periodInMinutes: 15, delayInMinutes: 0.1 });
  browser.alarms.onAlarm.addListener((alarm) => { if (alarm.name === SYNC_ALARM) void syncNow(); });
  settingsItem.watch(() => void syncNow());

  startPaletteRelay();
  browser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type?: string })?.type === SYNC_NOW) return syncNow();
    return undefined;
  });

  // The shortcut (Alt+Shift+P by default; teachers can change it in the browser's shortcut
  // settings) goes to every frame of the active tab; the frame with the focused field answers.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'open-palette') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: OPEN_PALETTE }).catch(() => undefined);
  });
});
