/**
 * What a strategy reports. `not-applied` promises the page is unchanged, so the next strategy may
 * try; `inserted` is verified after the editor's own update; `failed` means the text may be
 * half-in or the editor refused, and no other strategy may try (never insert twice).
 */
export type StrategyResult = 'inserted' | 'not-applied' | 'failed';

export interface InsertStrategy {
  /** Editor family, for diagnostics and tests. */
  name: string;
  /** Whether this strategy knows the editor that owns `field`. */
  detect(field: HTMLElement): boolean;
  insert(field: HTMLElement, text: string): Promise<StrategyResult>;
}

export type InsertOutcome =
  { ok: true; strategy: string } | { ok: false; strategy: string | null; reason: 'refused' | 'unsupported' };

/**
 * Let the editor finish its own update cycle before anything is judged: its microtasks (mutation
 * observers, promise-scheduled renders), two rendered frames (React and model-driven editors
 * render on the next frame; the second frame is after anything the first one scheduled), then a
 * short timer (CKEditor and others reconcile in a timeout). A hidden tab renders no frames, so
 * the frames are bounded by a timer too.
 */
export async function afterEditorUpdate(win: Window = window): Promise<void> {
  await Promise.resolve();
  await new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    win.requestAnimationFrame(() => win.requestAnimationFrame(finish));
    win.setTimeout(finish, 150);
  });
  await new Promise((resolve) => win.setTimeout(resolve, 30));
}

/**
 * Text as an editor renders it, for comparison only: white space, non-breaking spaces and the
 * zero-width characters editors keep in empty lines (Slate's U+FEFF, ProseMirror's U+200B) are
 * dropped, because a line break typed as Enter and one inserted as "\n" render differently.
 */
export const squash = (s: string) => s.replace(/[\s\u00a0\u200b\ufeff]+/g, '');

const occurrences = (haystack: string, needle: string) => {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
};

/**
 * Judge an insertion from the field's text before and after the editor's update: the text must
 * be there once more than before (a phrase already in the field does not count as inserted).
 */
export function judge(before: string, after: string, text: string): StrategyResult {
  const b = squash(before);
  const a = squash(after);
  const t = squash(text);
  if (occurrences(a, t) > occurrences(b, t)) return 'inserted';
  return a === b ? 'not-applied' : 'failed';
}
