import { isWritableField } from '../../insert-text';
import { deepActiveElement, isOwnUi } from '../../insert-text/field-context';
import { isNativeTextField } from '../../insert-text/native-field';
import { codeBeforeCaret, myPhrasesItem } from '../../sync/my-phrases';
import { settingsItem } from '../../sync/settings';
import { loadUi } from '../../ui/lazy-ui';
import type { Feature } from '../index';
import type { AbbreviationsModule } from './ui-module';

/** The text just before the caret in a field (enough for the longest code and a delimiter). */
function textBeforeCaret(field: HTMLElement): string | null {
  if (isNativeTextField(field)) {
    const end = field.selectionEnd;
    if (end === null || field.selectionStart !== end) return null;
    return field.value.slice(Math.max(0, end - 24), end);
  }
  const sel = field.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.isCollapsed || !field.contains(sel.anchorNode)) return null;
  const range = field.ownerDocument.createRange();
  range.selectNodeContents(field);
  const caret = sel.getRangeAt(0);
  range.setEnd(caret.endContainer, caret.endOffset);
  return range.toString().slice(-24);
}

/**
 * Short codes that expand as the teacher types, as in Text Blaze: "/läs1" in any platform field
 * becomes the phrase it stands for, filled for the pupil on the page, through the insertion
 * engine (so the editor's model has it and one Ctrl+Z gives the code back). The check on each
 * input is a string comparison; the expanding code is injected only when a code is typed.
 */
export const abbreviations: Feature = {
  name: 'abbreviations',
  async start(ctx) {
    if ((await settingsItem.getValue()).abbreviations === false) return;
    let codes = Object.keys((await myPhrasesItem.getValue()).codes);
    const unwatch = myPhrasesItem.watch((v) => {
      codes = Object.keys(v.codes);
    });
    ctx.onInvalidated(unwatch);
    let busy = false;
    ctx.addEventListener(
      document,
      'input',
      () => {
        if (busy || codes.length === 0) return;
        const field = deepActiveElement(document);
        if (!isWritableField(field) || isOwnUi(field)) return;
        const before = textBeforeCaret(field);
        const match = before === null ? null : codeBeforeCaret(before, codes);
        if (!match) return;
        busy = true;
        void loadUi<AbbreviationsModule>('abbreviations')
          .then((m) => m?.expand(ctx, field, match))
          .finally(() => {
            busy = false;
          });
      },
      { capture: true },
    );
  },
};
