import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { insertText, isWritableField } from '../../insert-text';
import { captureField, isOwnUi, type FieldContext } from '../../insert-text/field-context';
import { joinToCaret } from '../../insert-text/join-to-caret';
import { onContentMessage } from '../../messaging/content-listener';
import type { FieldInsertOutcome } from '../../messaging/protocol';
import { sendToBackground } from '../../messaging/send';
import { loadUi } from '../../ui/lazy-ui';
import { announce } from '../../ui/page-events';
import type { Feature } from '../index';

/** What the always-loaded part hands to the lazily injected panel. */
export interface PanelHost {
  /** "Skicka till fältet": into the platform field the teacher last wrote in, in whichever frame. */
  sendToField(text: string): Promise<FieldInsertOutcome>;
  /** The panel closed (the deadline banner may show again). */
  closed(): void;
}

export interface PanelModule {
  /** Open (or focus) the panel. */
  open(ctx: ContentScriptContext, host: PanelHost, pupilId?: string): Promise<void>;
}

/**
 * The IUP panel: docked beside the LMS page in the top frame, opened from the popup, the
 * deadline banner or the shortcut (Alt+Shift+I). Every frame remembers the platform field the
 * teacher last wrote in, because editors such as TinyMCE's classic one and CKEditor 4 write
 * inside an iframe; the background knows which frame was last.
 */
export const iupPanel: Feature = {
  name: 'iup-panel',
  start(ctx) {
    let last: FieldContext | null = null;
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
    ctx.addEventListener(
      document,
      'focusin',
      (e) => {
        const target = e.composedPath()[0];
        if (target instanceof Element && !isOwnUi(target) && captureField(document, target))
          void sendToBackground('field-focused').catch(() => undefined);
      },
      { capture: true },
    );
    onContentMessage(ctx, 'restore-field', async () => {
      if (!last?.field.isConnected) return false;
      last.restore();
      return true;
    });
    onContentMessage(ctx, 'insert-in-field', async ({ text }) => {
      const target = last;
      if (!target?.field.isConnected || !isWritableField(target.field)) return { ok: false, reason: 'no-field' };
      target.restore();
      const outcome = await insertText(target.field, joinToCaret(target.field, text), { restore: target.restore });
      return outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason };
    });

    if (window !== window.top) return;
    const host: PanelHost = {
      sendToField: (text) => sendToBackground('send-to-field', { text }),
      closed: () => {
        announce('panel-closed');
        // Back to the field the teacher was writing in, in whichever frame it is.
        void sendToBackground('return-to-field').catch(() => undefined);
      },
    };
    onContentMessage(ctx, 'open-panel', async (payload) => {
      const panel = await loadUi<PanelModule>('iup-panel');
      if (!panel) return false;
      announce('panel-opened');
      await panel.open(ctx, host, payload?.pupilId);
      return true;
    });
  },
};
