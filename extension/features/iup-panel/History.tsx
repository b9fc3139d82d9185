import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { IupRevision } from '../../../shared/schemas/iup';
import { t } from '../../i18n';
import { LIST_REVISIONS, RESTORE_REVISION } from './messages';

/** The API's revision list, with restore (as a new version; history is never rewritten). */
export function History({ documentId, pupilId, schoolYear, canRestore }: { documentId: string; pupilId: string; schoolYear: string; canRestore: boolean }) {
  const [revisions, setRevisions] = useState<IupRevision[] | null>(null);
  const [message, setMessage] = useState('');
  const load = async () => {
    const r = (await browser.runtime.sendMessage({ type: LIST_REVISIONS, documentId })) as { ok: boolean; revisions?: IupRevision[] };
    if (r.ok && r.revisions) setRevisions(r.revisions);
    else setMessage(t('panelOffline'));
  };
  const restore = async (version: number) => {
    const r = (await browser.runtime.sendMessage({ type: RESTORE_REVISION, pupilId, schoolYear, version })) as { ok: boolean };
    setMessage(r.ok ? t('panelRestored', String(version)) : t('panelRestoreFailed'));
    if (r.ok) await load();
  };
  return (
    <details class="history" onToggle={(e) => { if ((e.target as HTMLDetailsElement).open && !revisions) void load(); }}>
      <summary>{t('panelHistory')}</summary>
      {!canRestore && <p class="hint">{t('panelRestoreWait')}</p>}
      <ol>
        {revisions?.map((r) => (
          <li key={r.id}>
            {t('panelRevisionLine', String(r.version), new Date(r.createdAt).toLocaleString(), t(`iupStatus_${r.status}`))}
            {' '}<button type="button" class="secondary small" disabled={!canRestore} onClick={() => void restore(r.version)}>{t('panelRestore')}</button>
          </li>
        ))}
      </ol>
      <p role="status">{message}</p>
    </details>
  );
}
