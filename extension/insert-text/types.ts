/**
 * What a strategy reports. `not-applied` promises the page is unchanged, so the next strategy may
 * try; `inserted` is verified; `failed` means the text may be half-in or the editor refused, and
 * no other strategy may try (never insert twice).
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

/** Give the editor a tick to reconcile its model with the DOM (CKEditor snaps back asynchronously). */
export const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 30));

/** Compare text the way editors render it: non-breaking spaces and runs of white space are one space. */
export const normaliseSpace = (s: string) => s.replace(/[\u00a0\s]+/g, ' ');
