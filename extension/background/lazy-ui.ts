import { browser } from 'wxt/browser';
import type { BackgroundHandlers } from '../messaging/dispatch';

/** Set by wxt.config.ts from the feature folders that have a `ui.ts(x)`: built as `/ui-<feature>.js`. */
declare const __IUP_LAZY_UIS__: readonly string[];

/**
 * Inject a feature's UI module into the frame that asked. Only the modules the build made, only
 * into the sender's own frame; the injected script shares the overlay's isolated world.
 */
export const lazyUiHandlers = {
  'load-ui': async ({ feature }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined || !__IUP_LAZY_UIS__.includes(feature)) return false;
    // The paths WXT knows are typed from the build; these are added to it by wxt.config.ts.
    const file = `/ui-${feature}.js` as NonNullable<
      Parameters<typeof browser.scripting.executeScript>[0]['files']
    >[number];
    return browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId] }, files: [file] }).then(
      () => true,
      () => false,
    );
  },
} satisfies Partial<BackgroundHandlers>;
