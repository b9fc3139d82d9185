import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

/** Set by wxt.config.ts: true only in the browser-test build. */
declare const __IUP_OPEN_SHADOW__: boolean;

/**
 * Mount a small shadow-root UI that the host page's CSS and events cannot reach. Closed, with
 * inlined CSS: no web-accessible file for pages to fetch or fingerprint. `build` gets an empty
 * container and must only create elements and set text (never HTML).
 *
 * Every overlay is fixed-position at the top of the page's stacking order; among themselves, what
 * the teacher opened covers what sits beside a field (z-index in each feature's CSS):
 * wording underlines 2147483636 < wording hints and their tip 2147483637 < "Aa" button 2147483638 < the opened
 * tips box and the deadline banner 2147483639 < IUP panel
 * 2147483640 < palette and toasts 2147483647.
 */
export async function overlay(
  ctx: ContentScriptContext,
  name: string,
  css: string,
  build: (root: HTMLElement) => void,
) {
  const ui = await createShadowRootUi(ctx, {
    name,
    position: 'inline',
    anchor: 'html',
    append: 'last',
    isolateEvents: true,
    css,
    mode: __IUP_OPEN_SHADOW__ ? 'open' : 'closed',
    onMount(container) {
      const root = document.createElement('div');
      container.append(root);
      build(root);
      return root;
    },
    onRemove(root) {
      root?.replaceChildren();
    },
  });
  ui.mount();
  return ui;
}
