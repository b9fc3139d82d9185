import type { InsertStrategy } from './types';

const TEXT_INPUTS = new Set(['text', 'search', 'url', 'email', 'tel', '']);

export const isNativeTextField = (el: Element): el is HTMLTextAreaElement | HTMLInputElement =>
  el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && TEXT_INPUTS.has((el as HTMLInputElement).type));

/**
 * `textarea` and text `input`, including React-controlled ones. `execCommand('insertText')`
 * goes through the browser's own editing path: the page sees `beforeinput`/`input`, React's
 * value tracker updates, and Ctrl+Z undoes it as one typing step.
 */
export const nativeField: InsertStrategy = {
  name: 'native-field',
  detect: isNativeTextField,
  async insert(field, text) {
    const el = field as HTMLTextAreaElement | HTMLInputElement;
    const before = el.value;
    const start = el.selectionStart ?? before.length;
    const end = el.selectionEnd ?? start;
    el.focus();
    el.ownerDocument.execCommand('insertText', false, text);
    if (el.value === before.slice(0, start) + text + before.slice(end)) return 'inserted';
    if (el.value !== before) return 'failed';
    // execCommand is unavailable (some browsers, some states): set the value the way a user edit
    // does and tell the page. Undo then is the browser's, not a typing step.
    el.setRangeText(text, start, end, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return el.value.includes(text) ? 'inserted' : 'failed';
  },
};
