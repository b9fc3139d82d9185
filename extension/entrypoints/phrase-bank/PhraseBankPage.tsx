import { useEffect, useState } from 'preact/hooks';
import type { Me, Phrase, PhraseStats } from '../../../shared/index';
import { t } from '../../i18n';
import { apiClient } from '../../sync/api-client';
import { isConfigured, type Settings } from '../../sync/settings';
import { BankStats } from './BankStats';
import { explainApiError } from '../../components/explain-error';
import { ImportExport } from './ImportExport';
import { proposeDraftItem } from '../../sync/session-items';
import { MyPhrases } from './MyPhrases';
import { ProposeForm } from './ProposeForm';
import { Proposals } from './Proposals';

/**
 * The team's phrase bank: every teacher proposes here (also from "Föreslå som fras" on a page);
 * team leads and admins review proposals, prune by usage, and import or export the bank.
 */
export function PhraseBankPage({ settings }: { settings: Settings }) {
  const api = apiClient(settings);
  const [me, setMe] = useState<Me | null>(null);
  const [proposals, setProposals] = useState<Phrase[]>([]);
  const [stats, setStats] = useState<PhraseStats | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const refresh = async () => {
    try {
      const [m, p, s] = await Promise.all([api.me(), api.proposals(), api.phraseStats()]);
      setMe(m);
      setProposals(p.phrases);
      setStats(s);
      setError(null);
    } catch (err) {
      setError(explainApiError(err));
    }
  };
  useEffect(() => {
    void refresh();
    void proposeDraftItem.getValue().then((text) => {
      if (!text) return;
      setDraft(text);
      void proposeDraftItem.setValue(null);
      document.getElementById('propose-text')?.focus();
    });
  }, []);

  if (!isConfigured(settings))
    return (
      <main>
        <h1>{t('bankTitle')}</h1>
        <p>{t('popupNotConfigured')}</p>
      </main>
    );
  if (error)
    return (
      <main>
        <h1>{t('bankTitle')}</h1>
        <p class="status error" role="alert">
          {error}
        </p>
      </main>
    );
  if (!me || !stats)
    return (
      <main>
        <h1>{t('bankTitle')}</h1>
        <p role="status">{t('optionsChecking')}</p>
      </main>
    );

  const isAdmin = me.teacher.role === 'admin';
  const leadTeams = me.teams.filter((tm) => isAdmin || tm.role === 'lead');
  const canGovern = (p: Pick<Phrase, 'scope' | 'teamId'>) =>
    isAdmin || (p.scope === 'team' && leadTeams.some((tm) => tm.id === p.teamId));
  return (
    <main class="wide">
      <h1>{t('bankTitle')}</h1>
      <p class="hint">{leadTeams.length ? t('bankIntroLead') : t('bankIntroTeacher')}</p>
      <ProposeForm api={api} teams={me.teams} initialText={draft} onProposed={() => void refresh()} />
      <MyPhrases />
      <Proposals api={api} proposals={proposals} canGovern={canGovern} onChanged={() => void refresh()} />
      <BankStats api={api} stats={stats} canGovern={canGovern} onChanged={() => void refresh()} />
      {leadTeams.length > 0 && <ImportExport api={api} teams={leadTeams} onChanged={() => void refresh()} />}
    </main>
  );
}
