import { useEffect, useMemo, useState } from 'preact/hooks';
import { SUBJECT_CODES } from '../../../shared/schemas/subjects';
import type { Me, Phrase } from '../../../shared/index';
import { checkWording } from '../../../shared/wording/check-wording';
import { WordingFindings } from '../../components/WordingFindings';
import { sendToBackground } from '../../messaging/send';
import { t } from '../../i18n';
import type { ApiClient } from '../../sync/api-client';
import { explainApiError } from '../../components/explain-error';

interface Props {
  api: ApiClient;
  teams: Me['teams'];
  initialText: string;
  /** Called after a proposal is saved, so the lists on the page refresh. */
  onProposed(phrase: Phrase): void;
}

const SIMILAR_DELAY_MS = 400;

/** Propose a phrase for the team's bank, with the wording check and near-duplicates shown while typing. */
export function ProposeForm({ api, teams, initialText, onProposed }: Props) {
  const [text, setText] = useState(initialText);
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [subject, setSubject] = useState('');
  const [aspect, setAspect] = useState<Phrase['aspect']>('knowledge');
  const [level, setLevel] = useState('');
  const [similar, setSimilar] = useState<{ phrase: Phrase; similarity: number }[]>([]);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const findings = useMemo(() => checkWording(text, { kind: 'phrase' }), [text]);

  useEffect(() => setText(initialText), [initialText]);
  useEffect(() => {
    if (text.trim().length < 8) {
      setSimilar([]);
      return undefined;
    }
    const timer = setTimeout(
      () =>
        void api.similarPhrases(text).then(
          (r) => setSimilar(r.similar),
          () => setSimilar([]),
        ),
      SIMILAR_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [text]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) {
      setStatus({ kind: 'error', text: t('proposeEmpty') });
      return;
    }
    if (!teamId) {
      setStatus({ kind: 'error', text: t('proposeNoTeam') });
      return;
    }
    setBusy(true);
    try {
      const phrase = await api.createPhrase({
        text: text.trim(),
        scope: 'team',
        teamId,
        subject: subject || null,
        aspect,
        level: (level || null) as Phrase['level'],
        tags: [],
      });
      setStatus({ kind: 'ok', text: phrase.status === 'approved' ? t('proposeApproved') : t('proposeSent') });
      setText('');
      onProposed(phrase);
      void sendToBackground('sync-now').catch(() => undefined);
    } catch (err) {
      setStatus({ kind: 'error', text: explainApiError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id="propose" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="propose-title">
      <h2 id="propose-title">{t('proposeTitle')}</h2>
      <label for="propose-text">{t('proposeText')}</label>
      <textarea
        id="propose-text"
        rows={3}
        maxLength={1000}
        value={text}
        aria-describedby="propose-hint propose-wording"
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <p id="propose-hint" class="hint">
        {t('proposeHint')}
      </p>
      <div aria-live="polite">
        {text.trim() && <WordingFindings id="propose-wording" findings={findings} />}
        {similar.length > 0 && (
          <div class="similar" role="note">
            <p>{t('proposeSimilar')}</p>
            <ul>
              {similar.map((s) => (
                <li key={s.phrase.id}>
                  <a href={`#phrase-${s.phrase.id}`}>{s.phrase.text}</a>{' '}
                  <span class="hint">({t(`status_${s.phrase.status}`)})</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div class="row">
        {teams.length > 1 && (
          <label>
            {t('proposeTeam')}
            <select value={teamId} onChange={(e) => setTeamId((e.target as HTMLSelectElement).value)}>
              {teams.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {tm.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('proposeSubject')}
          <select value={subject} onChange={(e) => setSubject((e.target as HTMLSelectElement).value)}>
            <option value="">{t('paletteAllSubjects')}</option>
            {SUBJECT_CODES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('proposeAspect')}
          <select value={aspect} onChange={(e) => setAspect((e.target as HTMLSelectElement).value as Phrase['aspect'])}>
            <option value="knowledge">{t('aspectKnowledge')}</option>
            <option value="social">{t('aspectSocial')}</option>
            <option value="planning">{t('aspectPlanning')}</option>
          </select>
        </label>
        <label>
          {t('proposeLevel')}
          <select value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value)}>
            <option value="">–</option>
            <option value="E">E</option>
            <option value="C">C</option>
            <option value="A">A</option>
          </select>
        </label>
      </div>
      <button type="submit" disabled={busy}>
        {t('proposeSubmit')}
      </button>
      <div role="status" aria-live="polite">
        {status && <p class={`status ${status.kind}`}>{status.text}</p>}
      </div>
    </form>
  );
}
