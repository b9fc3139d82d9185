import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { iupPanel } from './iup-panel';
import { phrasePalette } from './phrase-palette';
import { wordingHints } from './wording-hints';

export interface Feature {
  name: string;
  start(ctx: ContentScriptContext): void | Promise<void>;
}

/** Every overlay feature, in order. Each starts on its own: one failing never stops the others. */
export const FEATURES: readonly Feature[] = [phrasePalette, wordingHints, iupPanel];

export function startFeatures(ctx: ContentScriptContext): void {
  for (const feature of FEATURES) {
    Promise.resolve()
      .then(() => feature.start(ctx))
      .catch((err: unknown) => console.warn(`[IUP-stöd] ${feature.name} could not start:`, err instanceof Error ? err.name : err));
  }
}
