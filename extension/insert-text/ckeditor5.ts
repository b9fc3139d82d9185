import { syntheticPaste } from './synthetic-events';
import { afterEditorUpdate, type InsertStrategy, judge } from './types';

/**
 * CKEditor 5 ignores `execCommand`: its DOM snaps back to its model. It does accept a paste, so
 * the text arrives as a synthetic `paste` carrying `text/plain` — plain text, never HTML.
 */
export const ckeditor5: InsertStrategy = {
  name: 'ckeditor5',
  detect: (field) => field.closest('.ck-editor__editable, .ck-content[contenteditable="true"]') !== null,
  async insert(field, text) {
    const editable = field.closest<HTMLElement>('.ck-editor__editable, .ck-content') ?? field;
    const before = editable.textContent ?? '';
    syntheticPaste(editable, text);
    await afterEditorUpdate(editable.ownerDocument.defaultView ?? window);
    return judge(before, editable.textContent ?? '', text);
  },
};
