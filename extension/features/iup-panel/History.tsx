import { useState } from 'preact/hooks';
import type { IupRevision } from '../../../shared/schemas/iup';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { sendToBackground } from '../../messaging/send';

/** The first words of a version's text, section by section, for choosing what to restore. */
function preview(r: IupRevision): string {
  const s = r.sections;
  const parts = [
    ...s.omdomen.map((o) => o.text),
    s.social,
    s.planning.school,
    s.planning.pupil,
    s.planning.guardians,
  ].filter((x): x is string => typeof x === 'string' && x.trim() !== '');
  const all = parts.join(' · ').replace(/\s+/g, ' ');
  return all.length > 140 ? `${all.slice(0, 137)}…` : all || '–';
}

/** The API's revision list, with restore (as a new version; history is never rewritten). */
export function History({
  documentId,
  pupilId,
  schoolYear,
  canRestore,
}: {
  documentId: string;
  pupilId: string;
  schoolYear: string;
  canRestore: boolean;
}) {
  const [revisions, setRevisions] = useState<IupRevision[] | null>(null);
  const [message, setMessage] = useState('');
  const load = async () => {
    const r = await sendToBackground('list-revisions', { documentId }).catch(() => null);
    if (r?.ok) setRevisions(r.revisions);
    else setMessage(t('panelOffline'));
  };
  const restore = async (version: number) => {
    const r = await sendToBackground('restore-revision', { pupilId, schoolYear, version }).catch(() => null);
    setMessage(r?.ok ? t('panelRestored', formatNumber(version)) : t('panelRestoreFailed'));
    if (r?.ok) await load();
  };
  return (
    <details
      class="history"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && !revisions) void load();
      }}
    >
      <summary>{t('panelHistory')}</summary>
      {!canRestore && <p class="hint">{t('panelRestoreWait')}</p>}
      <ol>
        {revisions?.map((r, i) => (
          <li key={r.id}>
            <span class="revision-line">
              {t(
                'panelRevisionLine',
                formatNumber(r.version),
                formatDateTime(r.createdAt),
                r.authorName ?? t('panelRevisionUnknownAuthor'),
                t(`iupStatus_${r.status}`),
              )}
            </span>
            {/* What restoring would bring back, before the button (text only). */}
            <span class="revision-preview">{preview(r)}</span>
            {i === 0 ? (
              <em class="hint">{t('panelRevisionCurrent')}</em>
            ) : (
              <button
                type="button"
                class="secondary small"
                disabled={!canRestore}
                onClick={() => void restore(r.version)}
              >
                {t('panelRestore')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <p role="status">{message}</p>
    </details>
  );
}
