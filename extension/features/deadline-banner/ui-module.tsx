import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { dutyText, openDuties } from '../../components/duty-text';
import { detectPagePupil } from '../../components/page-pupil';
import { setLanguage, t } from '../../i18n';
import { sendToBackground } from '../../messaging/send';
import { deadlineCacheItem } from '../../sync/deadline-cache';
import { settingsItem } from '../../sync/settings';
import { registerUi } from '../../ui/lazy-ui';
import { overlay } from '../../ui/overlay';
import css from './banner.css?inline';

export interface BannerModule {
  /** Show the bar for the page's pupil, if it has open duties. */
  show(ctx: ContentScriptContext): Promise<void>;
  hide(): void;
}

let ui: Awaited<ReturnType<typeof overlay>> | null = null;

const CONTROLS =
  'a[href], button, input, select, textarea, [contenteditable=""], [contenteditable="true"], [role=button], [tabindex]';

/**
 * Whether the bar lies over one of the platform's controls: the page's elements under it, hit-tested
 * on a grid (the bar's own host is skipped).
 */
function coversControls(bar: HTMLElement, host: Element): boolean {
  const r = bar.getBoundingClientRect();
  // A grid over the bar, fine enough that no button or link of a usual size falls between points.
  const points: [number, number][] = [];
  for (let x = r.left + 2; x < r.right; x += 16)
    for (const y of [r.top + 2, (r.top + r.bottom) / 2, r.bottom - 2]) points.push([x, y]);
  return points.some(([x, y]) =>
    document.elementsFromPoint(x, y).some(
      (el) =>
        el !== host &&
        // The extension's other overlays (the docked panel, the Aa button, the tips) count as
        // taken too: overlays never cover each other.
        (el.tagName.toLowerCase().startsWith('iup-stod-') || el.closest(CONTROLS) !== null),
    ),
  );
}

const CORNERS = [
  { bottom: '12px', left: '12px' },
  { bottom: '12px', right: '12px' },
  { top: '12px', right: '12px' },
  { top: '12px', left: '12px' },
] as const;

/**
 * Place the bar where it covers none of the platform's controls: each corner in turn, the full
 * bar first and then folded to its button; when every place covers something, the folded button
 * at the first corner (the least it can cover).
 */
function placeBar(bar: HTMLElement, host: Element) {
  for (const folded of [false, true])
    for (const corner of CORNERS) {
      bar.classList.toggle('folded', folded);
      bar.style.top = bar.style.bottom = bar.style.left = bar.style.right = 'auto';
      Object.assign(bar.style, corner);
      if (!coversControls(bar, host)) return;
    }
  bar.classList.add('folded');
  bar.style.top = bar.style.right = 'auto';
  Object.assign(bar.style, CORNERS[0]);
}

async function show(ctx: ContentScriptContext): Promise<void> {
  const [settings, deadlines, found] = await Promise.all([
    settingsItem.getValue(),
    deadlineCacheItem.getValue(),
    detectPagePupil(),
  ]);
  setLanguage(settings.language);
  // The panel says all the bar would, and more: no bar while it is open (it may have opened
  // while the duties were being read).
  if (found.detection.kind !== 'one' || ui || document.querySelector('iup-stod-panel')) return;
  const pupil = found.detection.pupil;
  const duties = openDuties(deadlines.pupils.find((p) => p.id === pupil.id)?.duties ?? []);
  if (duties.length === 0) return;
  ui = await overlay(ctx, 'iup-stod-banner', css, (root) => {
    render(
      <div class={`banner ${duties[0]!.state}`} role="region" aria-label={t('bannerLabel')}>
        <p>
          <strong>
            {pupil.firstName} {pupil.lastName}:
          </strong>{' '}
          {duties.map(dutyText).join(' · ')}
        </p>
        <button type="button" onClick={() => void sendToBackground('open-panel-here')}>
          {t('bannerOpenPanel')}
        </button>
        <button type="button" class="icon" aria-label={t('bannerDismiss')} onClick={hide}>
          ×
        </button>
      </div>,
      root,
    );
    const bar = root.querySelector<HTMLElement>('.banner');
    const host = root.getRootNode() instanceof ShadowRoot ? (root.getRootNode() as ShadowRoot).host : null;
    if (bar && host) {
      const place = () => placeBar(bar, host);
      requestAnimationFrame(place);
      ctx.addEventListener(window, 'scroll', place, { capture: true, passive: true });
      ctx.addEventListener(window, 'resize', place, { passive: true });
      // The page narrowing for the docked panel also means the panel is open: the bar steps aside.
      const watch = new ResizeObserver(() =>
        requestAnimationFrame(() => (document.querySelector('iup-stod-panel') ? hide() : place())),
      );
      watch.observe(document.documentElement);
      ctx.onInvalidated(() => watch.disconnect());
    }
  });
}

function hide(): void {
  ui?.remove();
  ui = null;
}

/** Make the module known to the always-loaded part (see `ui/lazy-ui.ts`). */
export function registerBanner(): void {
  registerUi<BannerModule>('deadline-banner', { show, hide });
}
