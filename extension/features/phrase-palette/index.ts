import type { ContentScriptContext } from 'wxt/utils/content-script-context';
// Direct module imports: shared/index would pull zod into every page's content script.
import { insertText, isWritableField } from '../../insert-text';
import { captureField, deepActiveElement, isOwnUi, type FieldContext } from '../../insert-text/field-context';
import { isNativeTextField } from '../../insert-text/native-field';
import { onContentMessage } from '../../messaging/content-listener';
import { sendToBackground } from '../../messaging/send';
import { isMyPhrase } from '../../sync/my-phrases';
import { recordUse } from '../../sync/phrase-cache';
import { settingsItem } from '../../sync/settings';
import { loadUi } from '../../ui/lazy-ui';
import { overlay } from '../../ui/overlay';
import { toast } from '../../ui/toast';
import type { Feature } from '../index';
import css from './open-button.css?inline';
import { openButtonSpot } from './open-button-spot';
import { overlayText as t, setOverlayLanguage } from '../../ui/overlay-messages';
import type { PaletteChoice, PaletteModule } from './ui-module';

/**
 * Insert the chosen phrase where the caret was; placeholders are already filled for the chosen
 * pupil, or left visible. Only an insertion confirmed after the editor's own update counts as a
 * use; otherwise the text goes to the clipboard and the teacher is told to paste it.
 */
async function insertPhrase(ctx: ContentScriptContext, target: FieldContext, phraseId: string, text: string) {
  target.restore();
  const outcome = await insertText(target.field, text, { restore: target.restore });
  // The team's use statistics count team phrases; the teacher's own stay in this browser.
  if (outcome.ok) {
    if (!isMyPhrase(phraseId)) await recordUse(phraseId);
    return;
  }
  // The failure path lives in the palette's injected module: pages where every insertion works
  // never load it.
  const palette = await loadUi<PaletteModule>('phrase-palette');
  if (palette) await palette.fallback(ctx, text);
  else await toast(ctx, t('paletteUnavailable'));
}

/** The next element in the page's tab order after `field` (document order), as Tab from it would reach. */
function focusAfter(field: HTMLElement) {
  const all = [
    ...field.ownerDocument.querySelectorAll<HTMLElement>(
      'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"], [contenteditable=""]',
    ),
  ].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
  const next = all[all.indexOf(field) + 1];
  if (next) next.focus();
  else field.blur();
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
      const palette = await loadUi<PaletteModule>('phrase-palette');
      if (!palette) {
        open = false;
        done(null);
        await toast(ctx, t('paletteUnavailable'));
        return;
      }
      await palette.show(ctx, (choice) => {
        open = false;
        done(choice);
      });
    };

    const openPalette = async (given?: FieldContext) => {
      if (open || pending) return;
      const target = given ?? captureField(document);
      if (!target) return;
      if (!inTopFrame) {
        // A field inside an iframe (TinyMCE's classic editor) gets its palette in the top frame: a
        // palette inside the editor's own frame would keep that window focused, and TinyMCE would
        // then merge the insertion into the surrounding typing for undo.
        pending = target;
        const shownInTop = await sendToBackground('palette-request').catch(() => false);
        if (shownInTop) return;
        pending = null;
      }
      await showPalette((choice) => {
        if (choice) void insertPhrase(ctx, target, choice.phrase.id, choice.text);
        else target.restore();
      });
    };

    // The shortcut arrives from the background (commands API) in every frame; only the frame that
    // holds the focused field answers.
    onContentMessage(ctx, 'open-palette', () => {
      if (document.hasFocus()) void openPalette();
      return undefined;
    });
    if (inTopFrame) {
      onContentMessage(ctx, 'palette-show', async ({ sourceFrameId }) => {
        if (open) return false;
        void showPalette(
          (choice) =>
            void sendToBackground('palette-result', {
              sourceFrameId,
              phraseId: choice?.phrase.id ?? null,
              text: choice?.text ?? null,
            }),
        );
        return true;
      });
    }
    onContentMessage(ctx, 'palette-result', async ({ phraseId, text }) => {
      if (!pending) return false;
      const target = pending;
      pending = null;
      // The top frame's palette chose from this teacher's own cache: the id and the filled text suffice.
      if (phraseId && text !== null) void insertPhrase(ctx, target, phraseId, text);
      else target.restore();
      return true;
    });

    // A small button beside the focused field opens the palette with the mouse.
    let button: Awaited<ReturnType<typeof overlay>> | null = null;
    let keyboardButton: HTMLButtonElement | null = null;
    let keyboardTarget: FieldContext | null = null;
    const hideButton = () => {
      button?.remove();
      button = null;
      keyboardButton = null;
    };
    const showButton = async () => {
      const field = deepActiveElement(document);
      hideButton();
      if (!isWritableField(field) || isOwnUi(field)) return;
      // The field's own root: a field inside a web component is hit-tested in its shadow root.
      const scope = field.getRootNode() as Document | ShadowRoot;
      const spot = openButtonSpot(field.getBoundingClientRect(), (x, y) => scope.elementFromPoint(x, y));
      if (!spot) return;
      button = await overlay(ctx, 'iup-stod-open-button', css, (root) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'open-button';
        b.style.top = `${spot.top}px`;
        b.style.left = `${spot.left}px`;
        b.title = t('paletteOpenButton');
        b.setAttribute('aria-label', t('paletteOpenButton'));
        b.textContent = 'Aa';
        // mousedown keeps the field's focus and caret, which the palette captures.
        b.addEventListener('mousedown', (e) => {
          e.preventDefault();
          void openPalette();
        });
        // Enter or Space on the button (reached with Tab from the field) opens the palette for it.
        b.addEventListener('click', (e) => {
          if (e.detail !== 0 || !keyboardTarget) return;
          void openPalette(keyboardTarget);
        });
        b.addEventListener('keydown', (e) => {
          if (e.key !== 'Tab' || !keyboardTarget) return;
          e.preventDefault();
          // Shift+Tab goes back to the field, caret where it was; Tab on to what follows the field.
          if (e.shiftKey) keyboardTarget.restore();
          else focusAfter(keyboardTarget.field);
        });
        root.append(b);
        keyboardButton = b;
      });
    };
    ctx.addEventListener(document, 'focusin', (e) => {
      // Focus moving onto the button itself keeps it.
      if (e.composedPath().some((n) => n instanceof Element && n.tagName.toLowerCase() === 'iup-stod-open-button'))
        return;
      void showButton();
    });
    // Tab from a plain text field stops at its "Aa" button first (rich editors keep Tab for
    // themselves; there the shortcut Alt+Shift+P opens the palette).
    ctx.addEventListener(
      document,
      'keydown',
      (e) => {
        if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || !keyboardButton) return;
        const field = deepActiveElement(document);
        if (!field || !isNativeTextField(field) || isOwnUi(field)) return;
        e.preventDefault();
        // Remembered as Tab leaves it: the button has the focus then, not the field.
        keyboardTarget = captureField(document, field);
        keyboardButton.focus();
      },
      { capture: true },
    );
    ctx.addEventListener(document, 'focusout', () =>
      ctx.setTimeout(() => {
        const active = deepActiveElement(document);
        if (!isWritableField(active) && active !== keyboardButton) hideButton();
      }, 200),
    );
  },
};
