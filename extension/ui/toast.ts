import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { overlay } from './overlay';
import css from './toast.css?inline';

export interface ToastOptions {
  /** Text the teacher may need to select and copy by hand, shown as text (never HTML). */
  detail?: string;
  /**
   * Stays until closed (a close button, or Esc inside it) instead of going after 8 s: for
   * messages that ask the teacher to act, which a timeout would take away mid-reading.
   */
  persist?: { closeLabel: string; detailLabel?: string };
}

let current: { remove(): void } | null = null;

/**
 * A message at the bottom of the page, announced to screen readers (role="alert") without
 * taking focus from the field the teacher writes in; its buttons are reachable with Tab.
 * One at a time: a new message replaces the previous one.
 */
export async function toast(ctx: ContentScriptContext, message: string, options: ToastOptions = {}): Promise<void> {
  current?.remove();
  const ui = await overlay(ctx, 'iup-stod-toast', css, (root) => {
    const box = document.createElement('div');
    box.className = 'toast';
    box.setAttribute('role', 'alert');
    const text = document.createElement('p');
    text.textContent = message;
    box.append(text);
    if (options.detail !== undefined) {
      const area = document.createElement('textarea');
      area.readOnly = true;
      area.rows = 3;
      area.value = options.detail;
      if (options.persist?.detailLabel) area.setAttribute('aria-label', options.persist.detailLabel);
      area.addEventListener('focus', () => area.select());
      box.append(area);
    }
    if (options.persist) {
      const close = document.createElement('button');
      close.type = 'button';
      close.textContent = options.persist.closeLabel;
      close.addEventListener('click', () => remove());
      box.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') remove();
      });
      box.append(close);
    }
    root.append(box);
  });
  const remove = () => {
    ui.remove();
    if (current === handle) current = null;
  };
  const handle = { remove };
  current = handle;
  if (!options.persist) ctx.setTimeout(remove, 8000);
}
