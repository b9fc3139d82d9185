import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { captureField, isOwnUi, type FieldContext } from '../../insert-text/field-context';
import { onContentMessage } from '../../messaging/content-listener';
import { loadUi } from '../../ui/lazy-ui';
import { announce } from '../../ui/page-events';
import type { Feature } from '../index';

/** What the always-loaded part hands to the lazily injected panel. */
export interface PanelHost {
  /** The LMS field the teacher last wrote in, for "Skicka till fältet". */
  lastField(): FieldContext | null;
  /** The panel closed (the deadline banner may show again). */
  closed(): void;
}

export interface PanelModule {
  /** Open (or focus) the panel. */
  open(ctx: ContentScriptContext, host: PanelHost): Promise<void>;
}

/**
 * The IUP panel: docked beside the LMS page in the top frame, opened from the popup, the
 * deadline banner or the shortcut (Alt+Shift+I).
 */
export const iupPanel: Feature = {
  name: 'iup-panel',
  start(ctx) {
    if (window !== window.top) return;
    let last: FieldContext | null = null;
    const host: PanelHost = { lastField: () => last, closed: () => announce('panel-closed') };
    // The field losing focus (to the panel, say) is the one "Skicka till fältet" writes into,
    // with its caret as the teacher left it.
    ctx.addEventListener(
      document,
      'focusout',
      (e) => {
        const target = e.composedPath()[0];
        if (target instanceof Element && !isOwnUi(target)) last = captureField(document, target) ?? last;
      },
      { capture: true },
    );

    onContentMessage(ctx, 'open-panel', async () => {
      const panel = await loadUi<PanelModule>('iup-panel');
      if (!panel) return false;
      announce('panel-opened');
      await panel.open(ctx, host);
      return true;
    });
  },
};
