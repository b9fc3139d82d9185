import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { storage } from 'wxt/utils/storage';
import { schoolYearOf } from '../../../shared/iup/school-year';
import { detectPagePupil } from '../../components/page-pupil';
import { setLanguage, t } from '../../i18n';
import { deadlineCacheItem } from '../../sync/deadline-cache';
import { phraseCacheItem } from '../../sync/phrase-cache';
import { meItem, schoolSetupItem } from '../../sync/roster-cache';
import { settingsItem } from '../../sync/settings';
import { registerUi } from '../../ui/lazy-ui';
import { overlay } from '../../ui/overlay';
import type { PanelHost, PanelModule } from './index';
import { Panel } from './Panel';
import css from './panel.css?inline';

const widthItem = storage.defineItem<number>('local:panelWidth', { fallback: 420 });
let panelUi: Awaited<ReturnType<typeof overlay>> | null = null;
let closePanel: (() => void) | null = null;

/**
 * The panel docks beside the page instead of covering it: the page's root element gets a right
 * margin of the panel's width, so the platform's content (and the field being written in) narrows
 * beside it, as with the browser's own side panel. The page's own value is put back on close.
 */
let pageMargin: { value: string; priority: string } | null = null;
function dock(px: number) {
  const style = document.documentElement.style;
  pageMargin ??= { value: style.getPropertyValue('margin-right'), priority: style.getPropertyPriority('margin-right') };
  if (px > 0) style.setProperty('margin-right', `${px}px`, 'important');
  else undock();
}
function undock() {
  if (!pageMargin) return;
  const style = document.documentElement.style;
  if (pageMargin.value) style.setProperty('margin-right', pageMargin.value, pageMargin.priority);
  else style.removeProperty('margin-right');
  pageMargin = null;
}

async function open(ctx: ContentScriptContext, host: PanelHost, pupilId?: string): Promise<void> {
  // Opened for a named pupil (from the popup's list) while open: start again with that pupil.
  if (panelUi && pupilId) closePanel?.();
  if (panelUi) return;
  const [settings, setup, cache, deadlines, width, found, me] = await Promise.all([
    settingsItem.getValue(),
    schoolSetupItem.getValue(),
    phraseCacheItem.getValue(),
    deadlineCacheItem.getValue(),
    widthItem.getValue(),
    detectPagePupil(),
    meItem.getValue(),
  ]);
  setLanguage(settings.language);
  panelUi = await overlay(ctx, 'iup-stod-panel', css, (root) => {
    const close = () => {
      closePanel = null;
      undock();
      render(null, root);
      panelUi?.remove();
      panelUi = null;
      host.closed();
    };
    closePanel = close;
    const draw = (w: number) => {
      dock(w);
      render(
        setup.template ? (
          <Panel
            template={setup.template}
            me={me}
            schoolYear={schoolYearOf(new Date().toISOString().slice(0, 10))}
            roster={found.roster}
            phrases={cache.phrases}
            deadlines={deadlines}
            detection={found.detection}
            initialPupil={pupilId ? (found.roster.find((p) => p.id === pupilId) ?? null) : null}
            host={host}
            width={w}
            onWidth={(px) => {
              void widthItem.setValue(px);
              draw(px);
            }}
            onClose={close}
            onDock={dock}
          />
        ) : (
          <aside class="panel" style={{ width: `${w}px` }}>
            <p class="body">{t('panelNotSynced')}</p>
          </aside>
        ),
        root,
      );
    };
    draw(width);
  });
}

/** Make the module known to the always-loaded part (see `ui/lazy-ui.ts`). */
export function registerPanel(): void {
  registerUi<PanelModule>('iup-panel', { open });
}
