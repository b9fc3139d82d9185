import { afterEditorUpdate, type InsertStrategy, judge, type StrategyResult } from './types';

/** A `beforeinput` as the browser sends it for typed text; editors that own their model handle it. */
export function syntheticBeforeInput(editable: HTMLElement, text: string): void {
  editable.dispatchEvent(
    new InputEvent('beforeinput', {
      inputType: 'insertText',
      data: text,
      bubbles: true,
      cancelable: true,
      composed: true,
    }),
  );
}

/** A paste of plain text only: editors take it as text, never as HTML. */
export function syntheticPaste(editable: HTMLElement, text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  editable.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

/**
 * Editors that take text only through their own event handlers (Slate and everything built on it,
 * such as Plate): they render the DOM from their model, so `execCommand` text is on screen until
 * their next render and then gone. A synthetic event has no default action — the browser inserts
 * nothing for it — so text that appears afterwards was put there by the editor from its model.
 * `beforeinput` first (Slate's own typing path, one undo step with the typing around it), a
 * plain-text paste second; each is judged after the editor's update, and the second is tried only
 * when the first left the field unchanged.
 */
async function throughEditorEvents(field: HTMLElement, text: string, root: HTMLElement): Promise<StrategyResult> {
  const win = root.ownerDocument.defaultView ?? window;
  const before = root.textContent ?? '';
  syntheticBeforeInput(root, text);
  await afterEditorUpdate(win);
  const first = judge(before, root.textContent ?? '', text);
  if (first !== 'not-applied') return first;
  syntheticPaste(root, text);
  await afterEditorUpdate(win);
  return judge(before, root.textContent ?? '', text);
}

/** The editing host (outermost contenteditable) of a field. */
const host = (field: HTMLElement): HTMLElement | null => {
  if (!field.isContentEditable) return null;
  let el = field;
  while (el.parentElement?.isContentEditable) el = el.parentElement;
  return el;
};

/** Slate marks its editable with `data-slate-editor`; Plate and other Slate-based editors keep it. */
const slateRoot = (field: HTMLElement) => field.closest<HTMLElement>('[data-slate-editor="true"]');

export const slateFamily: InsertStrategy = {
  name: 'slate',
  detect: (field) => slateRoot(field) !== null,
  insert: (field, text) => throughEditorEvents(field, text, slateRoot(field)!),
};

/**
 * The last try for any other rich-text field whose editor rendered `execCommand` text away: the
 * same editor events as for Slate, judged the same way.
 */
export const editorEvents: InsertStrategy = {
  name: 'editor-events',
  detect: (field) => host(field) !== null,
  insert: (field, text) => throughEditorEvents(field, text, host(field)!),
};
