import { isWritableField } from '../../insert-text';
import { deepActiveElement, isOwnUi } from '../../insert-text/field-context';
import { settingsItem } from '../../sync/settings';
import type { Feature } from '../index';
import { loadUi } from '../../ui/lazy-ui';
import type { WordingHintsModule } from './ui-module';

/** Wait for a pause in typing: checking on every keystroke would make the tips flicker. */
const DEBOUNCE_MS = 800;
/** Below this, a text is still being started; the UI module is not loaded for it. */
const MIN_CHARS = 20;

export const fieldText = (field: HTMLElement): string =>
  field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : field.innerText;

/**
 * Wording tips beside the LMS field the teacher writes in: after a pause in typing, the text is
 * checked in this browser (nothing is sent anywhere), a small count appears at the field's
 * corner and the flagged words are underlined. The page's text changes only when the teacher
 * chooses a suggested swap, through the insertion engine (so the editor's model and undo see it).
 */
export const wordingHints: Feature = {
  name: 'wording-hints',
  async start(ctx) {
    if ((await settingsItem.getValue()).wordingHints === false) return;
    let timer: number | undefined;
    let ui: WordingHintsModule | null = null;
    const check = async () => {
      const field = deepActiveElement(document);
      if (!isWritableField(field) || isOwnUi(field)) return;
      const text = fieldText(field);
      if (!ui) {
        if (text.trim().length < MIN_CHARS) return;
        ui = await loadUi<WordingHintsModule>('wording-hints');
        if (!ui) return;
      }
      ui.update(ctx, field);
    };
    ctx.addEventListener(
      document,
      'input',
      () => {
        ui?.stale();
        if (timer !== undefined) clearTimeout(timer);
        timer = ctx.setTimeout(() => void check(), DEBOUNCE_MS);
      },
      { capture: true },
    );
    ctx.addEventListener(document, 'focusin', () => {
      const field = deepActiveElement(document);
      if (ui && isWritableField(field) && !isOwnUi(field)) ui.update(ctx, field);
    });
  },
};
