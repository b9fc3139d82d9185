import '../zod-config';
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { draftHandlers, startDraftSync } from '../background/drafts';
import { lazyUiHandlers } from '../background/lazy-ui';
import { forgetTabField, paletteHandlers } from '../background/palette-relay';
import { phraseBankHandlers, startPhraseBank } from '../background/phrase-bank';
import { samtalHandlers } from '../background/samtal';
import { shareHandlers } from '../background/share';
import { dispatchBackgroundMessages, type BackgroundHandlers } from '../messaging/dispatch';
import { sendToTab } from '../messaging/send';
import { reconcileSites } from '../site-activation';

/** Set by wxt.config.ts: false only in the browser-test build. */
declare const __IUP_OPTIONS_ON_INSTALL__: boolean;

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void reconcileSites();
    // A new teacher starts where the extension asks for its server and token.
    if (reason === 'install' && __IUP_OPTIONS_ON_INSTALL__) void browser.runtime.openOptionsPage();
  });
  browser.runtime.onStartup.addListener(() => void reconcileSites());
  browser.permissions.onRemoved.addListener(() => void reconcileSites());
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabField(tabId));
  void reconcileSites();

  startPhraseBank();
  startDraftSync();
  // Every message the background answers, each to its handler (see messaging/protocol.ts).
  dispatchBackgroundMessages({
    ...phraseBankHandlers,
    ...lazyUiHandlers,
    ...paletteHandlers,
    ...draftHandlers,
    ...shareHandlers,
    ...samtalHandlers,
  } satisfies BackgroundHandlers);

  // The shortcuts (Alt+Shift+P and Alt+Shift+I by default; teachers can change them in the
  // browser's shortcut settings) go to the active tab: the palette to every frame (the one with the
  // focused field answers), the panel to the top frame.
  browser.commands.onCommand.addListener((command) => void openFromShortcut(command));
});

async function openFromShortcut(command: string): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  if (command === 'open-palette') await sendToTab(tab.id, undefined, 'open-palette').catch(() => undefined);
  if (command === 'open-panel') await sendToTab(tab.id, 0, 'open-panel').catch(() => undefined);
}
