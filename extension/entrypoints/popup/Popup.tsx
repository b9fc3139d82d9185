import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { dutyText, openDuties, stateLabel } from '../../components/duty-text';
import { sendToBackground, sendToTab } from '../../messaging/send';
import { deadlineCacheItem, type DeadlineCache } from '../../sync/deadline-cache';
import { meItem, rosterItem, schoolOriginsItem, type RosterPupil } from '../../sync/roster-cache';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { disableSite, enableSite, isSiteEnabled } from '../../site-activation';
import { phraseCacheItem } from '../../sync/phrase-cache';
import { isConfigured, type Settings } from '../../sync/settings';

/** Site activation for the current tab, connection state and the phrase bank's freshness. */
export function Popup({ settings }: { settings: Settings }) {
  const [origin, setOrigin] = useState<string | null>(null);
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [phrases, setPhrases] = useState<{ count: number; syncedAt: string | null }>({ count: 0, syncedAt: null });
  const [message, setMessage] = useState('');
  const [offered, setOffered] = useState<string[]>([]);
  const [duties, setDuties] = useState<DeadlineCache | null>(null);
  const [roster, setRoster] = useState<RosterPupil[]>([]);
  const [isAdmin, setIsAdmin] = useState(false);

  const refreshPhrases = async () => {
    const c = await phraseCacheItem.getValue();
    setPhrases({ count: c.phrases.length, syncedAt: c.syncedAt });
  };

  const refreshOffered = async () => {
    const origins = await schoolOriginsItem.getValue();
    const off: string[] = [];
    for (const o of origins) if (!(await isSiteEnabled(o))) off.push(o);
    setOffered(off);
  };

  useEffect(() => {
    void meItem.getValue().then((me) => setIsAdmin(me?.role === 'admin'));
  }, []);

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([tab]) => {
      const url = tab?.url ? new URL(tab.url) : null;
      if (url && (url.protocol === 'https:' || url.protocol === 'http:')) {
        setOrigin(url.origin);
        setEnabled(await isSiteEnabled(url.origin));
      }
    });
    void refreshPhrases();
    void refreshOffered();
    void deadlineCacheItem.getValue().then(setDuties);
    void rosterItem.getValue().then((r) => setRoster(r.pupils));
  }, []);

  /** The page the popup was opened over (`?tab=` when the popup is opened as a page of its own). */
  const targetTab = async () => {
    const given = Number(new URLSearchParams(location.search).get('tab'));
    if (given) return given;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  };
  const openPanel = async (pupilId?: string) => {
    const tabId = await targetTab();
    const opened =
      tabId !== undefined
        ? await sendToTab(tabId, 0, 'open-panel', pupilId ? { pupilId } : {}).catch(() => false)
        : false;
    if (opened) window.close();
    else setMessage(t('popupPanelUnavailable'));
  };
  // Triage: overdue first, then due soon; within each, the earliest date first.
  const rank = (state: string) => (state === 'overdue' ? 0 : 1);
  const urgent = (duties?.pupils ?? [])
    .map((p) => ({
      pupil: roster.find((r) => r.id === p.id),
      duties: openDuties(p.duties)
        .filter((d) => d.state === 'overdue' || d.state === 'due-soon')
        .sort((a, b) => rank(a.state) - rank(b.state)),
    }))
    .filter((x) => x.pupil && x.duties.length > 0)
    .sort(
      (a, b) => rank(a.duties[0]!.state) - rank(b.duties[0]!.state) || a.duties[0]!.due.localeCompare(b.duties[0]!.due),
    );
  const overdue = urgent.filter((x) => x.duties[0]!.state === 'overdue');
  const dueSoon = urgent.filter((x) => x.duties[0]!.state !== 'overdue');

  const enableOffered = async (o: string) => {
    const ok = await enableSite(o);
    setMessage(ok ? t('popupEnabledOrigin', o) : t('popupPermissionDenied'));
    if (o === origin) setEnabled(ok);
    await refreshOffered();
  };

  const toggle = async () => {
    if (!origin) return;
    if (enabled) {
      await disableSite(origin);
      setEnabled(false);
      setMessage(t('popupDisabled'));
    } else {
      const ok = await enableSite(origin);
      setEnabled(ok);
      setMessage(ok ? t('popupEnabledReload') : t('popupPermissionDenied'));
    }
  };

  const sync = async () => {
    setMessage(t('popupSyncing'));
    const result = await sendToBackground('sync-now');
    await refreshPhrases();
    setMessage(result.ok ? t('popupSynced', formatNumber(result.phrases ?? 0)) : t('popupSyncFailed'));
  };

  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {!isConfigured(settings) && (
        <p>
          {t('popupNotConfigured')}{' '}
          <a
            href="#"
            onClick={(e) => {
              e.preventDefault();
              void browser.runtime.openOptionsPage();
            }}
          >
            {t('popupOpenOptions')}
          </a>
        </p>
      )}
      {origin ? (
        <>
          <p>{enabled ? t('popupSiteOn', origin) : t('popupSiteOff', origin)}</p>
          <button type="button" class={enabled ? 'secondary' : ''} onClick={() => void toggle()}>
            {enabled ? t('popupDisable') : t('popupEnable')}
          </button>
        </>
      ) : (
        <p class="hint">{t('popupNoSite')}</p>
      )}
      {offered.length > 0 && (
        <>
          <h2>{t('popupSchoolSites')}</h2>
          <ul>
            {offered.map((o) => (
              <li key={o}>
                {o}{' '}
                <button type="button" class="secondary" onClick={() => void enableOffered(o)}>
                  {t('popupEnableShort')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {isConfigured(settings) && (
        <nav class="actions" aria-label={t('popupActions')}>
          {enabled && (
            <button type="button" onClick={() => void openPanel()}>
              {t('popupOpenPanel')}
            </button>
          )}
          <button
            type="button"
            class="secondary"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/samtal.html') })}
          >
            {t('popupSamtal')}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/team.html') })}
          >
            {t('popupTeamOverview')}
          </button>
        </nav>
      )}
      {isConfigured(settings) && (
        <>
          <h2>{t('popupDuties')}</h2>
          {urgent.length === 0 && <p class="hint">{t('popupNoDuties')}</p>}
          {[
            { key: 'overdue', title: t('popupOverdue'), list: overdue },
            { key: 'due-soon', title: t('popupDueSoon'), list: dueSoon },
          ]
            .filter((g) => g.list.length > 0)
            .map((g) => (
              <section key={g.key} class={`triage triage-${g.key}`} aria-label={g.title}>
                <h3>
                  {g.title} ({formatNumber(g.list.length)})
                </h3>
                <ul class="duties">
                  {g.list.map(({ pupil, duties: ds }) => (
                    <li key={pupil!.id} class={`duty-${ds[0]!.state}`}>
                      {/* The name opens the pupil in the panel on the page this popup belongs to. */}
                      <button type="button" class="link" onClick={() => void openPanel(pupil!.id)}>
                        {pupil!.firstName} {pupil!.lastName}
                      </button>
                      : {ds.map((d) => `${stateLabel(d.state)} – ${dutyText(d)}`).join(' · ')}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
        </>
      )}
      <h2>{t('popupPhrases')}</h2>
      <p>
        {t('popupPhraseCount', formatNumber(phrases.count))}{' '}
        {phrases.syncedAt ? t('popupSyncedAt', formatDateTime(phrases.syncedAt)) : ''}
      </p>
      {isConfigured(settings) && (
        <button type="button" class="secondary" onClick={() => void sync()}>
          {t('popupSyncNow')}
        </button>
      )}
      {isConfigured(settings) && (
        <button
          type="button"
          class="secondary"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/phrase-bank.html') })}
        >
          {t('popupPhraseBank')}
        </button>
      )}
      {isConfigured(settings) && isAdmin && (
        <button
          type="button"
          class="secondary"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/roster-import.html') })}
        >
          {t('popupRosterImport')}
        </button>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
    </main>
  );
}
