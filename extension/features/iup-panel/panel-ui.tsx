import { render } from 'preact';
import { storage } from 'wxt/utils/storage';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectPupil, type Detection } from '../../../shared/iup/pupil-detection';
import { schoolYearOf } from '../../../shared/iup/school-year';
import { setLanguage, t } from '../../i18n';
import { deadlineCacheItem } from '../../sync/deadline-cache';
import { phraseCacheItem } from '../../sync/phrase-cache';
import { meItem, rosterItem, schoolSetupItem, type RosterPupil } from '../../sync/roster-cache';
import { settingsItem } from '../../sync/settings';
import { overlay } from '../phrase-palette/overlay-ui';
import { dutyText, openDuties } from './duty-text';
import type { PanelHost, PanelModule } from './index';
import { PANEL_GLOBAL } from './messages';
import { Panel } from './Panel';
import css from './panel.css?inline';

const widthItem = storage.defineItem<number>('local:panelWidth', { fallback: 420 });
type Overlay = Awaited<ReturnType<typeof overlay>>;
let panelUi: Overlay | null = null;
let bannerUi: Overlay | null = null;

async function detect(): Promise<{ roster: RosterPupil[]; detection: Detection<RosterPupil> }> {
  const [{ pupils }, setup] = await Promise.all([rosterItem.getValue(), schoolSetupItem.getValue()]);
  const detection = detectPupil(setup.pupilDetection, {
    url: location.href,
    values: (selector, attribute) => {
      try {
        return [...document.querySelectorAll(selector)].map((e) => (attribute ? e.getAttribute(attribute) ?? '' : e.textContent ?? ''));
      } catch { return []; }
    },
  }, pupils);
  return { roster: pupils, detection };
}

async function open(ctx: ContentScriptContext, host: PanelHost): Promise<void> {
  bannerUi?.remove();
  bannerUi = null;
  if (panelUi) return;
  const [settings, setup, cache, deadlines, width, found, me] = await Promise.all([
    settingsItem.getValue(), schoolSetupItem.getValue(), phraseCacheItem.getValue(), deadlineCacheItem.getValue(), widthItem.getValue(), detect(), meItem.getValue(),
  ]);
  setLanguage(settings.language);
  panelUi = await overlay(ctx, 'iup-stod-panel', css, (root) => {
    const draw = (w: number) => render(
      setup.template
        ? <Panel template={setup.template} me={me} schoolYear={schoolYearOf(new Date().toISOString().slice(0, 10))} roster={found.roster}
            phrases={cache.phrases} deadlines={deadlines} detection={found.detection} host={host} width={w}
            onWidth={(px) => { void widthItem.setValue(px); draw(px); }}
            onClose={() => { render(null, root); panelUi?.remove(); panelUi = null; }} />
        : <aside class="panel" style={{ width: `${w}px` }}><p class="body">{t('panelNotSynced')}</p></aside>,
      root,
    );
    draw(width);
  });
}

/** A bar at the top of the page for the detected pupil's open duties, linking into the panel. */
async function banner(ctx: ContentScriptContext, host: PanelHost): Promise<void> {
  const [settings, deadlines, found] = await Promise.all([settingsItem.getValue(), deadlineCacheItem.getValue(), detect()]);
  setLanguage(settings.language);
  if (found.detection.kind !== 'one' || panelUi || bannerUi) return;
  const pupil = found.detection.pupil;
  const duties = openDuties(deadlines.pupils.find((p) => p.id === pupil.id)?.duties ?? []);
  if (duties.length === 0) return;
  bannerUi = await overlay(ctx, 'iup-stod-banner', css, (root) => {
    render(
      <div class={`banner ${duties[0]!.state}`} role="region" aria-label={t('bannerLabel')}>
        <p><strong>{pupil.firstName} {pupil.lastName}:</strong> {duties.map(dutyText).join(' · ')}</p>
        <button type="button" onClick={() => void open(ctx, host)}>{t('bannerOpenPanel')}</button>
        <button type="button" class="icon" aria-label={t('bannerDismiss')} onClick={() => { render(null, root); bannerUi?.remove(); bannerUi = null; }}>×</button>
      </div>,
      root,
    );
  });
}

export function registerPanelModule(): void {
  (globalThis as Record<string, unknown>)[PANEL_GLOBAL] = { open, banner } satisfies PanelModule;
}
