import { afterEditorUpdate, type InsertStrategy, judge } from './types';

const TEXT_INPUTS = new Set(['text', 'search', 'url', 'email', 'tel', '']);

export const isNativeTextField = (el: Element): el is HTMLTextAreaElement | HTMLInputElement =>
  el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && TEXT_INPUTS.has((el as HTMLInputElement).type));

/**
 * `textarea` and text `input`, including React-controlled ones. `execCommand('insertText')`
 * goes through the browser's own editing path: the page sees `beforeinput`/`input`, React's
 * value tracker updates, and Ctrl+Z undoes it as one typing step. Judged after the page's own
 * update, because a controlled field whose page ignores the change is set back on its next render.
 */
export const nativeField: InsertStrategy = {
  name: 'native-field',
  detect: isNativeTextField,
  async insert(field, text) {
    const el = field as HTMLTextAreaElement | HTMLInputElement;
    const win = el.ownerDocument.defaultView ?? window;
    const before = el.value;
    const start = el.selectionStart ?? before.length;
    const end = el.selectionEnd ?? start;
    el.focus();
    el.ownerDocument.execCommand('insertText', false, text);
    // The browser edits a text field synchronously: a value that changed means the typing path
    // worked, and only the page's own update can still undo it — then it is judged, never retried
    // (a retry after, say, a quick Ctrl+Z would insert the text twice).
    if (el.value !== before) {
      // Put the caret where it already is: this ends the browser's open typing step, so what the
      // teacher types next is its own undo step (as after a paste), whatever the timing.
      const caret = el.selectionEnd;
      if (caret !== null) el.setSelectionRange(caret, caret);
      await afterEditorUpdate(win);
      return judge(before, el.value, text);
    }
    // execCommand is unavailable (some browsers, some states): set the value the way a user edit
    // does and tell the page. Undo then is the browser's, not a typing step.
    el.focus();
    el.setRangeText(text, start, end, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    await afterEditorUpdate(win);
    return judge(before, el.value, text);
  },
};
