import { afterEditorUpdate, type InsertStrategy, judge } from './types';

const editableRoot = (el: HTMLElement): HTMLElement | null => (el.isContentEditable ? el : null);

/**
 * Plain `contenteditable` and the editors that follow the browser's editing events: Quill 2,
 * ProseMirror/Tiptap, TinyMCE (in its iframe or inline). `execCommand('insertText')` edits the
 * DOM as typing does; these editors read the change into their own model, and the browser's or
 * the editor's undo treats it like typing. It is judged after the editor's own update: an editor
 * that keeps its own model renders such a change away (then nothing was applied, and the
 * editor-event strategy may try), and text that is still on screen then is text it kept.
 */
export const contentEditable: InsertStrategy = {
  name: 'contenteditable',
  detect: (field) => editableRoot(field) !== null,
  async insert(field, text) {
    const root = editableRoot(field)!;
    const before = root.textContent ?? '';
    root.ownerDocument.execCommand('insertText', false, text);
    await afterEditorUpdate(root.ownerDocument.defaultView ?? window);
    return judge(before, root.textContent ?? '', text);
  },
};
