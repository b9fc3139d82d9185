import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { OPEN_PALETTE } from '../features/phrase-palette/messages';

export default defineBackground(() => {
  // The shortcut (Alt+Shift+P by default; teachers can change it in the browser's shortcut
  // settings) goes to every frame of the active tab; the frame with the focused field answers.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'open-palette') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: OPEN_PALETTE }).catch(() => undefined);
  });
});
