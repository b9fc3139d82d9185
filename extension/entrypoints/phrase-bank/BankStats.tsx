import type { Phrase, PhraseStats } from '../../../shared/index';
import { formatDate, formatNumber, t } from '../../i18n';
import type { ApiClient } from '../../sync/api-client';

const SHOWN = 60;
const date = (iso: string | null) => (iso ? formatDate(iso) : '–');

/** Usage per team and the least-used phrases, which a lead can retire from here. */
export function BankStats({
  api,
  stats,
  canGovern,
  onChanged,
}: {
  api: ApiClient;
  stats: PhraseStats;
  canGovern(p: Pick<Phrase, 'scope' | 'teamId'>): boolean;
  onChanged(): void;
}) {
  const approved = stats.phrases.filter((p) => p.status === 'approved');
  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t('bankStatsTitle')}</h2>
      <table>
        <caption class="visually-hidden">{t('bankStatsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('bankTeam')}</th>
            <th scope="col">{t('status_approved')}</th>
            <th scope="col">{t('status_proposed')}</th>
            <th scope="col">{t('status_retired')}</th>
            <th scope="col">{t('bankUses')}</th>
            <th scope="col">{t('bankUnused')}</th>
            <th scope="col">{t('bankLastUsed')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.teams.map((tm) => (
            <tr key={tm.teamId ?? 'school'}>
              <th scope="row">{tm.teamId === null ? t('bankSchoolWide') : tm.name}</th>
              <td>{tm.approved}</td>
              <td>{tm.proposed}</td>
              <td>{tm.retired}</td>
              <td>{tm.uses}</td>
              <td>{tm.unusedApproved}</td>
              <td>{date(tm.lastUsedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('bankLeastUsed')}</h3>
      <p class="hint">{t('bankLeastUsedHint')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('bankPhraseText')}</th>
            <th scope="col">{t('bankUses')}</th>
            <th scope="col">{t('bankLastUsed')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('bankActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {approved.slice(0, SHOWN).map((p) => (
            <tr key={p.id} id={`phrase-${p.id}`}>
              <td>{p.text}</td>
              <td>{p.usageCount}</td>
              <td>{date(p.lastUsedAt)}</td>
              <td>
                {canGovern(p) && (
                  <button
                    type="button"
                    class="secondary small"
                    onClick={() => void api.updatePhrase(p.id, { status: 'retired' }).then(onChanged, onChanged)}
                  >
                    {t('bankRetire')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {approved.length > SHOWN && <p class="hint">{t('bankMoreRows', formatNumber(approved.length - SHOWN))}</p>}
    </section>
  );
}
