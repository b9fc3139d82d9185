import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
// Direct module imports: shared/index would pull zod into every page's content script.
import type { Phrase } from '../../../shared/schemas/phrase';
import { insertText, isWritableField } from '../../insert-text';
import { captureField, deepActiveElement, isOwnUi, type FieldContext } from '../../insert-text/field-context';
import { phraseCacheItem, recordUse } from '../../sync/phrase-cache';
import { settingsItem } from '../../sync/settings';
import type { Feature } from '../index';
import { LOAD_PALETTE, OPEN_PALETTE, PALETTE_GLOBAL, PALETTE_REQUEST, PALETTE_RESULT, PALETTE_SHOW } from './messages';
import { overlayText as t, setOverlayLanguage } from './overlay-messages';
import { overlay } from './overlay-ui';
import type { PaletteChoice, PaletteModule } from './palette-ui';
import css from './small.css?inline';

/** The palette UI, injected into this frame by the background on first use. */
async function paletteModule(): Promise<PaletteModule | null> {
  const existing = (globalThis as Record<string, unknown>)[PALETTE_GLOBAL] as PaletteModule | undefined;
  if (existing) return existing;
  const loaded = await browser.runtime.sendMessage({ type: LOAD_PALETTE }).catch(() => false);
  return loaded === true ? ((globalThis as Record<string, unknown>)[PALETTE_GLOBAL] as PaletteModule | undefined) ?? null : null;
}

async function toast(ctx: ContentScriptContext, message: string) {
  const ui = await overlay(ctx, 'iup-stod-toast', css, (root) => {
    const box = document.createElement('div');
    box.className = 'toast';
    box.setAttribute('role', 'alert');
    box.textContent = message;
    root.append(box);
  });
  ctx.setTimeout(() => ui.remove(), 8000);
}

/** Insert the chosen phrase where the caret was; placeholders are already filled for the chosen pupil, or left visible. */
async function insertPhrase(ctx: ContentScriptContext, target: FieldContext, phrase: Phrase, text: string) {
  target.restore();
  const outcome = await insertText(target.field, text);
  if (outcome.ok) await recordUse(phrase.id);
  else await toast(ctx, outcome.reason === 'unsupported' ? t('insertUnsupported') : t('insertRefused'));
}

export const phrasePalette: Feature = {
  name: 'phrase-palette',
  start(ctx) {
    let open = false;
    void settingsItem.getValue().then((s) => setOverlayLanguage(s.language));
    const inTopFrame = window === window.top;
    // In a child frame: the field waiting for the top frame's choice.
    let pending: FieldContext | null = null;

    /** Show the palette in this frame; `done` gets the chosen phrase and its filled text, or null. */
    const showPalette = async (done: (choice: PaletteChoice) => void) => {
      open = true;
      const palette = await paletteModule();
      if (!palette) {
        open = false;
        done(null);
        await toast(ctx, t('paletteUnavailable'));
        return;
      }
      await palette.show(ctx, (choice) => { open = false; done(choice); });
    };

    const openPalette = async () => {
      if (open || pending) return;
      const target = captureField(document);
      if (!target) return;
      if (!inTopFrame) {
        pending = target;
        const shownInTop = await browser.runtime.sendMessage({ type: PALETTE_REQUEST }).catch(() => false);
        if (shownInTop === true) return;
        pending = null;
      }
      await showPalette((choice) => {
        if (choice) void insertPhrase(ctx, target, choice.phrase, choice.text);
        else target.restore();
      });
    };

    const onMessage = (message: unknown) => {
      const m = message as { type?: string; sourceFrameId?: number; phraseId?: string | null; text?: string | null };
      // The shortcut arrives from the background (commands API) in every frame; only the frame
      // that holds the focused field answers.
      if (m?.type === OPEN_PALETTE && document.hasFocus()) void openPalette();
      if (m?.type === PALETTE_SHOW && inTopFrame) {
        if (open) return Promise.resolve(false);
        const source = m.sourceFrameId!;
        void showPalette((choice) => void browser.runtime.sendMessage({ type: PALETTE_RESULT, sourceFrameId: source, phraseId: choice?.phrase.id ?? null, text: choice?.text ?? null }));
        return Promise.resolve(true);
      }
      if (m?.type === PALETTE_RESULT && pending) {
        const target = pending;
        pending = null;
        if (!m.phraseId || typeof m.text !== 'string') target.restore();
        else void phraseCacheItem.getValue().then((c) => {
          const phrase = c.phrases.find((p) => p.id === m.phraseId);
          if (phrase) void insertPhrase(ctx, target, phrase, m.text!);
          else target.restore();
        });
        return Promise.resolve(true);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // A small button beside the focused field opens the palette with the mouse.
    let button: Awaited<ReturnType<typeof overlay>> | null = null;
    const hideButton = () => { button?.remove(); button = null; };
    ctx.addEventListener(document, 'focusin', async () => {
      const field = deepActiveElement(document);
      hideButton();
      if (!isWritableField(field) || isOwnUi(field)) return;
      const rect = field.getBoundingClientRect();
      button = await overlay(ctx, 'iup-stod-open-button', css, (root) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'open-button';
        b.style.top = `${Math.max(0, rect.top + 4)}px`;
        b.style.left = `${Math.max(0, rect.right - 32)}px`;
        b.title = t('paletteOpenButton');
        b.setAttribute('aria-label', t('paletteOpenButton'));
        b.textContent = 'Aa';
        // mousedown keeps the field's focus and caret, which the palette captures.
        b.addEventListener('mousedown', (e) => { e.preventDefault(); void openPalette(); });
        root.append(b);
      });
    });
    ctx.addEventListener(document, 'focusout', () => ctx.setTimeout(() => { if (!isWritableField(deepActiveElement(document))) hideButton(); }, 200));
  },
};
