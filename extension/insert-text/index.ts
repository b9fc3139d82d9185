import { ckeditor5 } from './ckeditor5';
import { contentEditable } from './contenteditable';
import { nativeField } from './native-field';
import { editorEvents, slateFamily } from './synthetic-events';
import type { InsertOutcome, InsertStrategy } from './types';

export type { InsertOutcome, InsertStrategy } from './types';

/**
 * The strategies, most specific first. A new editor family is one more file and one more entry;
 * each detects its own DOM markers, so a generic strategy never handles an editor it would only
 * reach the DOM of (text visible but missing from the editor's model — the worst outcome). A
 * strategy that leaves the field unchanged after the editor's own update lets the next one try.
 */
export const STRATEGIES: readonly InsertStrategy[] = [
  ckeditor5,
  slateFamily,
  nativeField,
  contentEditable,
  editorEvents,
];

/** Text fields a teacher can write in: native fields and editable rich-text areas. */
export const isWritableField = (el: Element | null): el is HTMLElement =>
  el instanceof HTMLElement &&
  STRATEGIES.some((s) => s.detect(el)) &&
  !(el as HTMLInputElement).readOnly &&
  !(el as HTMLInputElement).disabled;

/**
 * Insert plain text at the caret of `field` so that the page's own listeners and the editor's
 * own model see it, as if typed. The caller restores focus and selection first.
 */
export async function insertText(
  field: HTMLElement,
  text: string,
  { strategies = STRATEGIES, restore }: { strategies?: readonly InsertStrategy[]; restore?: () => void } = {},
): Promise<InsertOutcome> {
  let tried: string | null = null;
  for (const strategy of strategies) {
    if (!strategy.detect(field)) continue;
    tried = strategy.name;
    const result = await strategy.insert(field, text);
    if (result === 'inserted') return { ok: true, strategy: strategy.name };
    if (result === 'failed') return { ok: false, strategy: strategy.name, reason: 'refused' };
    // The previous try may have moved focus or the caret (a re-render does): put them back.
    restore?.();
  }
  return { ok: false, strategy: tried, reason: tried ? 'refused' : 'unsupported' };
}
