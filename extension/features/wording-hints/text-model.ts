import { isNativeTextField } from '../../insert-text/native-field';

/**
 * A field's text as the wording check reads it, with a way back from character offsets to the
 * screen (for underlines) and to a selection (for a one-click replacement). Nothing here writes
 * to the page: the textarea mirror lives in the extension's own shadow root.
 */
export interface TextModel {
  text: string;
  /** Client rects of the characters [start, end), in viewport coordinates. */
  rects(start: number, end: number): DOMRect[];
  /** Select [start, end) in the field, as the teacher would with the mouse. */
  select(start: number, end: number): void;
}

const MIRRORED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontVariant',
  'fontStretch',
  'fontKerning',
  'fontFeatureSettings',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textTransform',
  'textIndent',
  'textAlign',
  'tabSize',
  'direction',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
] as const;

/**
 * Text areas and inputs do not expose the position of their characters, so a copy of the field's
 * text is laid out with the field's own font, padding and width in an invisible element placed
 * exactly over it (scrolled as the field is), and the copy's characters are measured.
 */
function nativeModel(field: HTMLTextAreaElement | HTMLInputElement, mirrorHost: HTMLElement): TextModel {
  const text = field.value;
  return {
    text,
    rects(start, end) {
      const style = getComputedStyle(field);
      const box = field.getBoundingClientRect();
      const mirror = document.createElement('div');
      for (const p of MIRRORED) mirror.style[p] = style[p];
      Object.assign(mirror.style, {
        position: 'fixed',
        visibility: 'hidden',
        pointerEvents: 'none',
        boxSizing: 'border-box',
        border: '0',
        margin: '0',
        width: `${field.clientWidth}px`,
        top: `${box.top + field.clientTop - field.scrollTop}px`,
        left: `${box.left + field.clientLeft - field.scrollLeft}px`,
        whiteSpace: field instanceof HTMLTextAreaElement ? 'pre-wrap' : 'pre',
        overflowWrap: field instanceof HTMLTextAreaElement ? 'break-word' : 'normal',
        wordBreak: style.wordBreak,
      });
      const mark = document.createElement('span');
      mark.textContent = text.slice(start, end);
      mirror.append(document.createTextNode(text.slice(0, start)), mark, document.createTextNode(text.slice(end)));
      mirrorHost.append(mirror);
      const rects = [...mark.getClientRects()];
      mirror.remove();
      return rects;
    },
    select(start, end) {
      field.focus({ preventScroll: true });
      field.setSelectionRange(start, end);
    },
  };
}

const BLOCK =
  /^(?:address|article|aside|blockquote|dd|div|dl|dt|figcaption|figure|footer|h[1-6]|header|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)$/i;
const blockOf = (node: Node, root: HTMLElement): Element => {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (BLOCK.test(el.tagName)) return el;
  return root;
};

/**
 * A rich-text field's text nodes joined in order, with a line break where a new block (paragraph,
 * list item) begins, so that sentences in different paragraphs are not read as one.
 */
function editableModel(root: HTMLElement): TextModel {
  const pieces: { node: Text; start: number }[] = [];
  let text = '';
  let lastBlock: Element | null = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    const block = blockOf(node, root);
    if (lastBlock && block !== lastBlock) text += '\n';
    lastBlock = block;
    pieces.push({ node, start: text.length });
    text += node.data;
  }
  const at = (offset: number, preferEnd: boolean): [Text, number] | null => {
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      const end = p.start + p.node.data.length;
      if (offset < p.start) continue;
      if (offset < end || (offset === end && (preferEnd || i === pieces.length - 1))) return [p.node, offset - p.start];
    }
    return null;
  };
  const range = (start: number, end: number): Range | null => {
    const a = at(start, false);
    const b = at(end, true);
    if (!a || !b) return null;
    const r = document.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    return r;
  };
  return {
    text,
    rects: (start, end) => [...(range(start, end)?.getClientRects() ?? [])],
    select(start, end) {
      const r = range(start, end);
      if (!r) return;
      root.focus({ preventScroll: true });
      const sel = root.ownerDocument.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(r);
    },
  };
}

export function textModel(field: HTMLElement, mirrorHost: HTMLElement): TextModel {
  return isNativeTextField(field) ? nativeModel(field, mirrorHost) : editableModel(field);
}
