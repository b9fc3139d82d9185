import { isNativeTextField } from './native-field';

/** The characters just before and after the caret in `field` (empty at either end). */
export function aroundCaret(field: HTMLElement): { before: string; after: string } {
  if (isNativeTextField(field)) {
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    return { before: field.value.slice(Math.max(0, start - 1), start), after: field.value.slice(end, end + 1) };
  }
  const doc = field.ownerDocument;
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || !field.contains(sel.anchorNode)) return { before: '', after: '' };
  const caret = sel.getRangeAt(0);
  const head = doc.createRange();
  head.selectNodeContents(field);
  head.setEnd(caret.startContainer, caret.startOffset);
  const tail = doc.createRange();
  tail.selectNodeContents(field);
  tail.setStart(caret.endContainer, caret.endOffset);
  return { before: head.toString().slice(-1), after: tail.toString().slice(0, 1) };
}

/**
 * Text from the panel joined to what is already in the field: a space after a word or a
 * sentence, a new paragraph before text of several paragraphs, and a space before a word that
 * follows — never glued ("klassen.Amira").
 */
export function joinTexts(before: string, text: string, after: string): string {
  const body = text.trim();
  const clean = (c: string) => c.replace(/[\u00a0\u200b\ufeff]/g, ' ');
  const b = clean(before);
  const a = clean(after);
  const lead = b === '' || /\s/.test(b) ? '' : body.includes('\n') ? '\n\n' : ' ';
  const trail = a === '' || /[\s.,;:!?)]/.test(a) ? '' : ' ';
  return lead + body + trail;
}

export const joinToCaret = (field: HTMLElement, text: string): string => {
  const { before, after } = aroundCaret(field);
  return joinTexts(before, text, after);
};
