import { browser } from 'wxt/browser';
import { useEffect, useState } from 'preact/hooks';
import type { DeadlineReport } from '../../../shared/schemas/deadlines';
import { t } from '../../i18n';
import { apiClient } from '../../sync/api-client';
import type { Settings } from '../../sync/settings';
import { explainApiError } from '../../components/explain-error';
import { dutyText, openDuties, stateLabel } from '../../components/duty-text';
import { sendToTab } from '../../messaging/send';
import { enabledSitesItem } from '../../site-activation';

const STATES = ['overdue', 'due-soon', 'open', 'scheduled', 'done'] as const;
type State = (typeof STATES)[number];
const LABEL: Record<State, Parameters<typeof t>[0]> = {
  overdue: 'stateOverdue',
  'due-soon': 'stateDueSoon',
  open: 'stateOpen',
  scheduled: 'stateScheduled',
  done: 'stateDone',
};

/**
 * Per class, how many pupils are in each state (by their most urgent duty), as a stacked bar
 * with the numbers written on it, and the pupils behind a bar one click away.
 */
export function TeamOverview({ settings }: { settings: Settings }) {
  const [report, setReport] = useState<DeadlineReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<{ groupId: string; state: State } | null>(null);
  const [notice, setNotice] = useState('');
  /**
   * Into the panel on the platform: the most recently used tab of a site where IUP-stöd is on
   * gets the panel with that pupil; without one, the teacher is told to open the platform first.
   */
  const openInPanel = async (pupilId: string) => {
    const enabled = new Set(await enabledSitesItem.getValue());
    const tabs = (await browser.tabs.query({}))
      .filter((tab) => tab.id !== undefined && tab.url && enabled.has(new URL(tab.url).origin))
      .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
    for (const tab of tabs) {
      const opened = await sendToTab(tab.id!, 0, 'open-panel', { pupilId }).catch(() => false);
      if (opened) {
        await browser.tabs.update(tab.id, { active: true });
        if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
        setNotice(t('teamOpenedInPanel'));
        return;
      }
    }
    setNotice(t('teamNoPlatformTab'));
  };
  useEffect(() => {
    void apiClient(settings)
      .deadlines('team', 'full')
      .then(setReport, (err) => setError(explainApiError(err)));
  }, []);

  if (error)
    return (
      <main>
        <h1>{t('teamTitle')}</h1>
        <p class="status error" role="alert">
          {error}
        </p>
      </main>
    );
  if (!report)
    return (
      <main>
        <h1>{t('teamTitle')}</h1>
        <p role="status">{t('optionsChecking')}</p>
      </main>
    );
  const pupilsIn = (groupId: string, state: State) => {
    const ids = new Set(report.groups.find((g) => g.id === groupId)?.pupilIds ?? []);
    return report.pupils.filter((p) => ids.has(p.id) && p.worst === state);
  };
  return (
    <main class="wide">
      <h1>{t('teamTitle')}</h1>
      <p>
        <a href={browser.runtime.getURL('/samtal.html')}>{t('teamPlanSamtal')}</a>
      </p>
      {report.calendarMissing ? (
        <p class="status error">{t('teamNoCalendar')}</p>
      ) : (
        <p class="hint">{t('teamIntro')}</p>
      )}
      <table class="overview">
        <thead>
          <tr>
            <th scope="col">{t('teamClass')}</th>
            <th scope="col">
              {t('teamBarHeading')}
              {/* The legend in the bars' own order and colours, left to right. */}
              <ul class="legend">
                {STATES.map((s) => (
                  <li key={s}>
                    <span class={`swatch ${s}`} aria-hidden="true" /> {t(LABEL[s])}
                  </li>
                ))}
              </ul>
            </th>
          </tr>
        </thead>
        <tbody>
          {report.groups.map((g) => {
            const counts = STATES.map((s) => pupilsIn(g.id, s).length);
            const total = counts.reduce((a, b) => a + b, 0) || 1;
            return (
              <tr key={g.id}>
                <th scope="row">{g.name}</th>
                <td>
                  <div class="bar" role="group" aria-label={g.name}>
                    {STATES.map(
                      (s, i) =>
                        counts[i]! > 0 && (
                          <button
                            type="button"
                            key={s}
                            class={`segment ${s}`}
                            style={{ flexGrow: counts[i]! / total }}
                            aria-pressed={chosen?.groupId === g.id && chosen.state === s}
                            aria-label={`${g.name}: ${t(LABEL[s])} ${counts[i]}`}
                            onClick={() => setChosen({ groupId: g.id, state: s })}
                          >
                            {counts[i]}
                          </button>
                        ),
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {chosen && (
        <section aria-live="polite">
          <h2>
            {t('teamPupilsIn', report.groups.find((g) => g.id === chosen.groupId)?.name ?? '', t(LABEL[chosen.state]))}
          </h2>
          <ul class="bar-pupils">
            {pupilsIn(chosen.groupId, chosen.state).map((p) => {
              const duty = openDuties(p.duties)[0];
              return (
                <li key={p.id}>
                  <span class="pupil-name">
                    {p.firstName} {p.lastName}
                  </span>
                  {duty ? ` – ${stateLabel(duty.state)}: ${dutyText(duty)}` : ''}{' '}
                  <button type="button" class="link" onClick={() => void openInPanel(p.id)}>
                    {t('teamOpenInPanel')}
                  </button>
                </li>
              );
            })}
          </ul>
          {notice && <p role="status">{notice}</p>}
        </section>
      )}
    </main>
  );
}
