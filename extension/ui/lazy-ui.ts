import { sendToBackground } from '../messaging/send';

/**
 * A feature's heavy UI (Preact, styles, the wording check) is not in the always-loaded content
 * script: it is `features/<name>/ui.ts`, built as its own script and injected by the background
 * into the frame that first needs it. Injected scripts share the content script's isolated world,
 * so the module registers itself here and the feature finds it.
 */
const REGISTRY = '__iupStodUi';

function registry(): Record<string, unknown> {
  const g = globalThis as Record<string, unknown>;
  return (g[REGISTRY] ??= {}) as Record<string, unknown>;
}

/** Called by a feature's `ui.ts` when it is injected. */
export function registerUi<T>(feature: string, module: T): void {
  registry()[feature] = module;
}

/** The feature's UI module, injected on first use; null when the background could not inject it. */
export async function loadUi<T>(feature: string): Promise<T | null> {
  const existing = registry()[feature] as T | undefined;
  if (existing) return existing;
  const loaded = await sendToBackground('load-ui', { feature }).catch(() => false);
  return loaded ? ((registry()[feature] as T | undefined) ?? null) : null;
}
