import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

/**
 * Mount a small shadow-root UI that the host page's CSS and events cannot reach. Closed, with
 * inlined CSS: no web-accessible file for pages to fetch or fingerprint. `build` gets an empty
 * container and must only create elements and set text (never HTML).
 */
export async function overlay(ctx: ContentScriptContext, name: string, css: string, build: (root: HTMLElement) => void) {
  const ui = await createShadowRootUi(ctx, {
    name,
    position: 'inline',
    anchor: 'html',
    append: 'last',
    isolateEvents: true,
    css,
    mode: 'closed',
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
