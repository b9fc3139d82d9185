import { useState } from 'preact/hooks';
import type { IupRevision } from '../../../shared/schemas/iup';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { sendToBackground } from '../../messaging/send';

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
        {revisions?.map((r) => (
          <li key={r.id}>
            {t('panelRevisionLine', String(r.version), formatDateTime(r.createdAt), t(`iupStatus_${r.status}`))}{' '}
            <button
              type="button"
              class="secondary small"
              disabled={!canRestore}
              onClick={() => void restore(r.version)}
            >
              {t('panelRestore')}
            </button>
          </li>
        ))}
      </ol>
      <p role="status">{message}</p>
    </details>
  );
}
