import { useMemo, useState } from 'preact/hooks';
import type { Phrase, PhraseVersion } from '../../../shared/index';
import { checkWording } from '../../../shared/wording/check-wording';
import { WordingFindings } from '../../components/WordingFindings';
import { formatDateTime, formatNumber, t } from '../../i18n';
import type { ApiClient } from '../../sync/api-client';
import { explainApiError } from '../../components/explain-error';

interface Props {
  api: ApiClient;
  proposals: Phrase[];
  /** Team ids the teacher leads (all teams for an admin): those proposals can be approved here. */
  canGovern(p: Phrase): boolean;
  onChanged(): void;
}

/** One proposal: edit the wording (checked as you type), approve, or reject; with its versions. */
function Proposal({
  api,
  phrase,
  governs,
  onChanged,
}: {
  api: ApiClient;
  phrase: Phrase;
  governs: boolean;
  onChanged(): void;
}) {
  const [text, setText] = useState(phrase.text);
  const [message, setMessage] = useState<string | null>(null);
  const [versions, setVersions] = useState<PhraseVersion[] | null>(null);
  const findings = useMemo(() => checkWording(text, { kind: 'phrase' }), [text]);
  const id = `phrase-${phrase.id}`;

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      onChanged();
    } catch (err) {
      setMessage(explainApiError(err));
    }
  };
  const edited = text.trim() !== phrase.text;

  return (
    <li id={id} class="card">
      <label for={`${id}-text`} class="visually-hidden">
        {t('bankPhraseText')}
      </label>
      <textarea
        id={`${id}-text`}
        rows={2}
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <p class="hint">{[phrase.subject, phrase.level, t(`aspect_${phrase.aspect}`)].filter(Boolean).join(' · ')}</p>
      <WordingFindings findings={findings} />
      <div class="actions">
        {edited && (
          <button
            type="button"
            class="secondary"
            onClick={() => void act(() => api.updatePhrase(phrase.id, { text: text.trim() }))}
          >
            {t('bankSaveEdit')}
          </button>
        )}
        {governs && (
          <button
            type="button"
            onClick={() =>
              void act(() =>
                api.updatePhrase(phrase.id, { ...(edited ? { text: text.trim() } : {}), status: 'approved' }),
              )
            }
          >
            {t('bankApprove')}
          </button>
        )}
        {governs && (
          <button
            type="button"
            class="secondary"
            onClick={() => void act(() => api.updatePhrase(phrase.id, { status: 'retired' }))}
          >
            {t('bankReject')}
          </button>
        )}
        <button
          type="button"
          class="link"
          aria-expanded={versions !== null}
          onClick={() =>
            versions
              ? setVersions(null)
              : void api.phraseVersions(phrase.id).then(
                  (r) => setVersions(r.versions),
                  (err) => setMessage(explainApiError(err)),
                )
          }
        >
          {t('bankVersions')}
        </button>
      </div>
      {versions && (
        <ol class="versions">
          {versions.map((v) => (
            <li key={v.version}>
              {t('bankVersionLine', String(v.version), v.editorName, formatDateTime(v.at), t(`status_${v.status}`))}:{' '}
              {v.text}
            </li>
          ))}
        </ol>
      )}
      {message && (
        <p class="status error" role="alert">
          {message}
        </p>
      )}
    </li>
  );
}

/** Pending proposals: a lead reviews the team's, every teacher sees their own. */
export function Proposals({ api, proposals, canGovern, onChanged }: Props) {
  return (
    <section aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t('bankProposalsTitle', formatNumber(proposals.length))}</h2>
      {proposals.length === 0 ? (
        <p class="hint">{t('bankNoProposals')}</p>
      ) : (
        <ul class="cards">
          {proposals.map((p) => (
            <Proposal key={`${p.id}-${p.version}`} api={api} phrase={p} governs={canGovern(p)} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
