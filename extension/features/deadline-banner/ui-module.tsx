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

async function show(ctx: ContentScriptContext): Promise<void> {
  const [settings, deadlines, found] = await Promise.all([
    settingsItem.getValue(),
    deadlineCacheItem.getValue(),
    detectPagePupil(),
  ]);
  setLanguage(settings.language);
  if (found.detection.kind !== 'one' || ui) return;
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
