import { type InsertStrategy, nextTick, normaliseSpace } from './types';

const editableRoot = (el: HTMLElement): HTMLElement | null => (el.isContentEditable ? el : null);

/**
 * Plain `contenteditable` and the editors that follow the browser's editing events: Quill 2,
 * ProseMirror/Tiptap, TinyMCE (in its iframe or inline). `execCommand('insertText')` fires
 * `beforeinput`, which these editors turn into a transaction in their own model; the browser's
 * or the editor's undo then treats it like typing. The result is checked after a tick, because
 * an editor that ignores it restores its DOM asynchronously.
 */
export const contentEditable: InsertStrategy = {
  name: 'contenteditable',
  detect: (field) => editableRoot(field) !== null,
  async insert(field, text) {
    const root = editableRoot(field)!;
    const before = normaliseSpace(root.textContent ?? '');
    root.ownerDocument.execCommand('insertText', false, text);
    await nextTick();
    const after = normaliseSpace(root.textContent ?? '');
    if (after.includes(normaliseSpace(text).trim())) return 'inserted';
    return after === before ? 'not-applied' : 'failed';
  },
};
