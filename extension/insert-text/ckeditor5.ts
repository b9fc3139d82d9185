import { type InsertStrategy, nextTick, normaliseSpace } from './types';

/**
 * CKEditor 5 ignores `execCommand`: its DOM snaps back to its model. It does accept a paste, so
 * the text arrives as a synthetic `paste` carrying `text/plain` — plain text, never HTML.
 */
export const ckeditor5: InsertStrategy = {
  name: 'ckeditor5',
  detect: (field) => field.closest('.ck-editor__editable, .ck-content[contenteditable="true"]') !== null,
  async insert(field, text) {
    const editable = field.closest<HTMLElement>('.ck-editor__editable, .ck-content') ?? field;
    const before = normaliseSpace(editable.textContent ?? '');
    const data = new DataTransfer();
    data.setData('text/plain', text);
    editable.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await nextTick();
    const after = normaliseSpace(editable.textContent ?? '');
    if (after.includes(normaliseSpace(text).trim())) return 'inserted';
    return after === before ? 'not-applied' : 'failed';
  },
};
