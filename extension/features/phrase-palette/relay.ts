import { browser } from 'wxt/browser';
import { LOAD_PANEL } from '../iup-panel/messages';
import { LOAD_PALETTE, LOAD_WORDING_HINTS, PALETTE_REQUEST, PALETTE_RESULT, PALETTE_SHOW } from './messages';

/** The lazily injected UI modules, by the message that asks for them; nothing else can be injected. */
const LAZY_MODULES: Record<string, '/palette.js' | '/wording-hints.js' | '/iup-panel.js'> = {
  [LOAD_PANEL]: '/iup-panel.js',
  [LOAD_PALETTE]: '/palette.js',
  [LOAD_WORDING_HINTS]: '/wording-hints.js',
};

/**
 * Background side of the palette relay. A field inside an iframe (TinyMCE's classic editor) gets
 * its palette in the top frame: a palette inside the editor's own frame would keep the editor's
 * window focused, and TinyMCE would then merge the insertion into the surrounding typing for undo.
 */
export function startPaletteRelay(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    const m = message as { type?: string; sourceFrameId?: number; phraseId?: string | null; text?: string | null };
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const lazy = m.type ? LAZY_MODULES[m.type] : undefined;
    if (lazy && sender.frameId !== undefined) {
      // Same isolated world as the overlay: the injected module registers itself on its global.
      return browser.scripting
        .executeScript({ target: { tabId, frameIds: [sender.frameId] }, files: [lazy] })
        .then(() => true, () => false);
    }
    if (m.type === PALETTE_REQUEST && sender.frameId !== undefined && sender.frameId !== 0) {
      // Resolves false when the top frame has no overlay (another origin): the frame shows its own.
      return browser.tabs
        .sendMessage(tabId, { type: PALETTE_SHOW, sourceFrameId: sender.frameId }, { frameId: 0 })
        .then((shown) => shown === true, () => false);
    }
    if (m.type === PALETTE_RESULT && sender.frameId === 0 && typeof m.sourceFrameId === 'number') {
      return browser.tabs.sendMessage(tabId, { type: PALETTE_RESULT, phraseId: m.phraseId ?? null, text: m.text ?? null }, { frameId: m.sourceFrameId }).then(() => true, () => false);
    }
    return undefined;
  });
}
