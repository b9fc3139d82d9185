import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { overlay } from './overlay';
import css from './toast.css?inline';

/** A short message at the bottom of the page, announced to screen readers, gone after 8 s. */
export async function toast(ctx: ContentScriptContext, message: string): Promise<void> {
  const ui = await overlay(ctx, 'iup-stod-toast', css, (root) => {
    const box = document.createElement('div');
    box.className = 'toast';
    box.setAttribute('role', 'alert');
    box.textContent = message;
    root.append(box);
  });
  ctx.setTimeout(() => ui.remove(), 8000);
}
