import { useState } from 'preact/hooks';
import type { Me, PhraseImportReport } from '../../../shared/index';
import { formatNumber, t } from '../../i18n';
import { ApiClientError, type ApiClient } from '../../sync/api-client';
import { explainApiError } from '../../components/explain-error';

type Pending = { label: string; run: (dryRun: boolean) => Promise<PhraseImportReport> };
type RowError = { row: number; field: string | null; message: string };

function download(name: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Import (preview first, then confirm), export, and the starter bank, for the teams a lead governs. */
export function ImportExport({ api, teams, onChanged }: { api: ApiClient; teams: Me['teams']; onChanged(): void }) {
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [pending, setPending] = useState<Pending | null>(null);
  const [preview, setPreview] = useState<PhraseImportReport | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const start = async (p: Pending) => {
    setMessage(null);
    setRowErrors([]);
    setPreview(null);
    setPending(null);
    try {
      setPreview(await p.run(true));
      setPending(p);
    } catch (err) {
      const rows = err instanceof ApiClientError ? (err.details as { rows?: RowError[] } | undefined)?.rows : undefined;
      if (rows) setRowErrors(rows);
      setMessage({ kind: 'error', text: explainApiError(err) });
    }
  };
  const confirm = async () => {
    if (!pending) return;
    try {
      const report = await pending.run(false);
      setMessage({
        kind: 'ok',
        text: t(
          'importDone',
          formatNumber(report.created),
          formatNumber(report.updated),
          formatNumber(report.unchanged),
        ),
      });
      setPending(null);
      setPreview(null);
      onChanged();
    } catch (err) {
      setMessage({ kind: 'error', text: explainApiError(err) });
    }
  };
  const onFile = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const content = await file.text();
    const format = file.name.toLowerCase().endsWith('.json') ? ('json' as const) : ('csv' as const);
    await start({ label: file.name, run: (dryRun) => api.importPhrases({ format, content, teamId, dryRun }) });
  };

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('importTitle')}</h2>
      <label for="import-team">{t('proposeTeam')}</label>
      <select id="import-team" value={teamId} onChange={(e) => setTeamId((e.target as HTMLSelectElement).value)}>
        {teams.map((tm) => (
          <option key={tm.id} value={tm.id}>
            {tm.name}
          </option>
        ))}
      </select>
      <label for="import-file">{t('importFile')}</label>
      <input
        id="import-file"
        type="file"
        accept=".csv,.json,text/csv,application/json"
        onChange={(e) => void onFile(e)}
        aria-describedby="import-hint"
      />
      <p id="import-hint" class="hint">
        {t('importHint')}
      </p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void start({ label: t('importStarterBank'), run: (dryRun) => api.importStarterBank({ teamId, dryRun }) })
          }
        >
          {t('importStarterBank')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void api.exportPhrases('csv', teamId).then(
              (c) => download('fraser.csv', c, 'text/csv'),
              (err) => setMessage({ kind: 'error', text: explainApiError(err) }),
            )
          }
        >
          {t('exportCsv')}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void api.exportPhrases('json', teamId).then(
              (c) => download('fraser.json', c, 'application/json'),
              (err) => setMessage({ kind: 'error', text: explainApiError(err) }),
            )
          }
        >
          {t('exportJson')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {preview && pending && (
          <div class="card">
            <p>
              <strong>{pending.label}</strong>:{' '}
              {t(
                'importPreview',
                String(preview.created),
                String(preview.updated),
                String(preview.unchanged),
                String(preview.skipped.length),
              )}
            </p>
            {preview.skipped.length > 0 && (
              <ul>
                {preview.skipped.map((s) => (
                  <li key={s.row}>
                    {t('importRow', formatNumber(s.row))}: {s.reason}
                  </li>
                ))}
              </ul>
            )}
            <button type="button" onClick={() => void confirm()} disabled={preview.created + preview.updated === 0}>
              {t('importConfirm')}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setPending(null);
                setPreview(null);
              }}
            >
              {t('importCancel')}
            </button>
          </div>
        )}
        {message && <p class={`status ${message.kind}`}>{message.text}</p>}
        {rowErrors.length > 0 && (
          <ul class="row-errors">
            {rowErrors.map((r, i) => (
              <li key={i}>
                {t('importRow', formatNumber(r.row))}
                {r.field ? ` (${r.field})` : ''}: {r.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
