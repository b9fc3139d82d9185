import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { captureField, isOwnUi, type FieldContext } from '../../insert-text/field-context';
import { schoolSetupItem } from '../../sync/roster-cache';
import type { Feature } from '../index';
import { LOAD_PANEL, OPEN_PANEL, PANEL_GLOBAL } from './messages';

/** What the always-loaded part hands to the lazily injected panel. */
export interface PanelHost {
  /** The LMS field the teacher last wrote in, for "Skicka till fältet". */
  lastField(): FieldContext | null;
}

export interface PanelModule {
  /** Open (or focus) the panel. */
  open(ctx: ContentScriptContext, host: PanelHost): Promise<void>;
  /** Detect the page's pupil and show the deadline banner, without opening the panel. */
  banner(ctx: ContentScriptContext, host: PanelHost): Promise<void>;
}

async function panelModule(): Promise<PanelModule | null> {
  const existing = (globalThis as Record<string, unknown>)[PANEL_GLOBAL] as PanelModule | undefined;
  if (existing) return existing;
  const loaded = await browser.runtime.sendMessage({ type: LOAD_PANEL }).catch(() => false);
  return loaded === true ? ((globalThis as Record<string, unknown>)[PANEL_GLOBAL] as PanelModule | undefined) ?? null : null;
}

/**
 * The IUP panel: docked beside the LMS page in the top frame, opened from the popup or the
 * shortcut (Alt+Shift+I). On pages the school's detection rules recognise, the deadline banner
 * for that pupil appears without opening anything.
 */
export const iupPanel: Feature = {
  name: 'iup-panel',
  async start(ctx) {
    if (window !== window.top) return;
    let last: FieldContext | null = null;
    const host: PanelHost = { lastField: () => last };
    // The field losing focus (to the panel, say) is the one "Skicka till fältet" writes into,
    // with its caret as the teacher left it.
    ctx.addEventListener(document, 'focusout', (e) => {
      const target = e.composedPath()[0];
      if (target instanceof Element && !isOwnUi(target)) last = captureField(document, target) ?? last;
    }, { capture: true });

    const onMessage = (message: unknown) => {
      if ((message as { type?: string })?.type !== OPEN_PANEL) return undefined;
      return panelModule().then(async (m) => { if (m) await m.open(ctx, host); return m !== null; });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    const { pupilDetection } = await schoolSetupItem.getValue();
    const applies = pupilDetection.some((r) => { try { return new RegExp(r.urlPattern).test(location.href); } catch { return false; } });
    if (applies) await (await panelModule())?.banner(ctx, host);
  },
};
