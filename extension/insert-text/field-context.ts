import { isWritableField } from './index';

export interface FieldContext {
  field: HTMLElement;
  /** Put focus and the caret/selection back where the teacher left them. */
  restore(): void;
}

/** The focused element, looking through open shadow roots (not iframes: each frame has its own script). */
export function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Remember the field the teacher is writing in and where the caret is, before the palette takes focus. */
export function captureField(
  doc: Document = document,
  active: Element | null = deepActiveElement(doc),
): FieldContext | null {
  const field = active instanceof HTMLElement ? (active.isContentEditable ? editingHost(active) : active) : null;
  if (!field || !isWritableField(field)) return null;
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
    const start = field.selectionStart;
    const end = field.selectionEnd;
    return {
      field,
      restore() {
        field.focus({ preventScroll: true });
        if (start !== null && end !== null) field.setSelectionRange(start, end);
      },
    };
  }
  const selection = doc.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : null;
  return {
    field,
    restore() {
      field.focus({ preventScroll: true });
      if (range) {
        const sel = doc.getSelection();
        sel?.removeAllRanges();
        sel?.addRange(range);
      }
    },
  };
}

/** The outermost contenteditable element: the editor's root, whose model owns the text. */
function editingHost(el: HTMLElement): HTMLElement {
  let host = el;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

/** Inside one of the extension's own overlays (the IUP panel's fields): not the platform's field. */
export function isOwnUi(el: Element): boolean {
  const root = el.getRootNode();
  return root instanceof ShadowRoot && root.host.tagName.toLowerCase().startsWith('iup-stod-');
}
