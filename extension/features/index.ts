import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { abbreviations } from './abbreviations';
import { deadlineBanner } from './deadline-banner';
import { iupPanel } from './iup-panel';
import { phrasePalette } from './phrase-palette';
import { wordingHints } from './wording-hints';

/**
 * An overlay feature: a folder under `features/` with an `index.ts` (the always-loaded part,
 * started from this list) and, if it has a heavy UI, a `ui.ts(x)` that the build turns into its
 * own script, injected on first use (see `ui/lazy-ui.ts`). A feature imports shared modules
 * (`ui/`, `components/`, `messaging/`, `sync/`, `insert-text/`), never another feature: deleting
 * its folder and its line here leaves a working extension (checked by `npm test`).
 */
export interface Feature {
  name: string;
  start(ctx: ContentScriptContext): void | Promise<void>;
}

/** Every overlay feature, in order. Each starts on its own: one failing never stops the others. */
export const FEATURES: readonly Feature[] = [phrasePalette, wordingHints, iupPanel, deadlineBanner, abbreviations];

export function startFeatures(ctx: ContentScriptContext): void {
  for (const feature of FEATURES) {
    Promise.resolve()
      .then(() => feature.start(ctx))
      .catch((err: unknown) =>
        console.warn(`[IUP-stöd] ${feature.name} could not start:`, err instanceof Error ? err.name : err),
      );
  }
}
