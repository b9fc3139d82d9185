import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
// Direct module imports: shared/index would pull zod into every page's content script.
import type { Phrase } from '../../../shared/schemas/phrase';
import { t } from '../../i18n';
import { insertText, isWritableField } from '../../insert-text';
import { captureField, deepActiveElement, type FieldContext } from '../../insert-text/field-context';
import { phraseCacheItem, phraseUsageItem, recordUse } from '../../sync/phrase-cache';
import { chosenPupilItem, rosterItem } from '../../sync/roster-cache';
import type { Feature } from '../index';
import { Palette } from './Palette';
// Inlined into each shadow root: no web-accessible CSS file for pages to fetch or fingerprint.
import css from './palette.css?inline';

import { OPEN_PALETTE, PALETTE_REQUEST, PALETTE_RESULT, PALETTE_SHOW } from './messages';

/** Mount a small shadow-root UI that the host page's CSS and events cannot reach. */
async function overlay(ctx: ContentScriptContext, name: string, draw: (root: HTMLElement) => void) {
  const ui = await createShadowRootUi(ctx, {
    name,
    position: 'inline',
    anchor: 'html',
    append: 'last',
    isolateEvents: true,
    css,
    mode: 'closed',
    onMount(container) {
      const root = document.createElement('div');
      container.append(root);
      draw(root);
      return root;
    },
    onRemove(root) {
      if (root) render(null, root);
    },
  });
  ui.mount();
  return ui;
}

async function toast(ctx: ContentScriptContext, message: string) {
  const ui = await overlay(ctx, 'iup-stod-toast', (root) => render(<div class="toast" role="alert">{message}</div>, root));
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
    const inTopFrame = window === window.top;
    // In a child frame: the field waiting for the top frame's choice.
    let pending: FieldContext | null = null;

    /** Show the palette in this frame; `done` gets the chosen phrase and its filled text, or null for Escape. */
    const showPalette = async (done: (choice: { phrase: Phrase; text: string } | null) => void) => {
      open = true;
      const [cache, usage, roster, chosen] = await Promise.all([
        phraseCacheItem.getValue(), phraseUsageItem.getValue(), rosterItem.getValue(), chosenPupilItem.getValue().catch(() => null),
      ]);
      const usageMap = new Map(Object.entries(usage.uses));
      const pupils = [...roster.pupils].sort((a, b) => a.firstName.localeCompare(b.firstName, 'sv') || a.lastName.localeCompare(b.lastName, 'sv'));
      const ui = await overlay(ctx, 'iup-stod-palette', (root) => {
        const finish = (choice: { phrase: Phrase; text: string } | null) => { ui.remove(); open = false; done(choice); };
        render(
          // A click on the dimmed layer outside the palette closes it, like Escape.
          <div class="layer" onMouseDown={(e) => { if (e.target === e.currentTarget) { e.preventDefault(); finish(null); } }}>
            <Palette
              phrases={cache.phrases}
              usage={usageMap}
              pupils={pupils}
              initialPupilId={chosen}
              onPupil={(id) => void chosenPupilItem.setValue(id).catch(() => undefined)}
              onChoose={(phrase, text) => finish({ phrase, text })}
              onClose={() => finish(null)}
            />
          </div>,
          root,
        );
      });
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
      if (!isWritableField(field)) return;
      const rect = field.getBoundingClientRect();
      button = await overlay(ctx, 'iup-stod-open-button', (root) => render(
        <button
          type="button"
          class="open-button"
          style={{ top: `${Math.max(0, rect.top + 4)}px`, left: `${Math.max(0, rect.right - 32)}px` }}
          title={t('paletteOpenButton')}
          aria-label={t('paletteOpenButton')}
          // mousedown keeps the field's focus and caret, which the palette captures.
          onMouseDown={(e) => { e.preventDefault(); void openPalette(); }}
        >
          Aa
        </button>,
        root,
      ));
    });
    ctx.addEventListener(document, 'focusout', () => ctx.setTimeout(() => { if (!isWritableField(deepActiveElement(document))) hideButton(); }, 200));
  },
};
