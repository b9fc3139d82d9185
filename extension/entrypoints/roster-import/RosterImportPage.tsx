import { useState } from 'preact/hooks';
import type { RowError } from '../../../shared/phrases/transfer';
import { rowErrorText } from '../../components/row-error-text';
import { parseRosterCsv, type ParsedRoster } from '../../../shared/roster-import/csv';
import { decodeRosterBytes, type RosterEncoding } from '../../../shared/roster-import/decode';
import { splitCsvBatches, type CsvBatch } from '../../../shared/roster-import/split-batches';
import { formatNumber, t } from '../../i18n';
import { apiClient } from '../../sync/api-client';
import type { Settings } from '../../sync/settings';
import { explainApiError } from '../../components/explain-error';
import { importInBatches, type BatchOutcome, type BatchProgress } from './import-in-batches';

/** Raw bytes per request: base64 and JSON stay well inside the API's request limit. */
const BATCH_BYTES = 256 * 1024;
/** A long error list is summarised: the first rows show what to fix, the count says how much. */
const SHOWN_ERRORS = 100;

type Step =
  | { kind: 'choose' }
  | { kind: 'checked'; file: string; encoding: RosterEncoding; parsed: ParsedRoster; batches: CsvBatch[] }
  | { kind: 'running'; file: string; dryRun: boolean; batches: CsvBatch[]; progress: BatchProgress }
  | { kind: 'previewed'; file: string; batches: CsvBatch[]; outcome: BatchOutcome }
  | { kind: 'done'; file: string; outcome: BatchOutcome };

/**
 * The admin's roster upload: the file is read and checked here first (every row, the whole
 * file), then previewed and imported in batches with progress, so a municipality's 50,000 rows
 * work from the browser too.
 */
export function RosterImportPage({ settings }: { settings: Settings }) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState('');
  const api = apiClient(settings);

  const choose = async (file: File) => {
    setError('');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const { text, encoding } = decodeRosterBytes(bytes);
    const parsed = parseRosterCsv(text);
    let batches: CsvBatch[] = [];
    try {
      batches = splitCsvBatches(bytes, BATCH_BYTES);
    } catch (err) {
      setError(t('rosterRowTooLarge', err instanceof Error ? err.message : ''));
    }
    setStep({ kind: 'checked', file: file.name, encoding, parsed, batches });
  };

  const run = async (file: string, batches: CsvBatch[], dryRun: boolean) => {
    setError('');
    const rowsTotal = batches.reduce((n, b) => n + b.rows, 0);
    setStep({
      kind: 'running',
      file,
      dryRun,
      batches,
      progress: { batch: 0, batches: batches.length, rowsDone: 0, rowsTotal },
    });
    const outcome = await importInBatches(api, batches, { dryRun, teamId: null }, (progress) =>
      setStep({ kind: 'running', file, dryRun, batches, progress }),
    );
    if (outcome.failed) {
      setError(
        dryRun
          ? explainApiError(outcome.failed.error)
          : t(
              'rosterFailedAt',
              String(outcome.failed.batch),
              String(batches.length),
              explainApiError(outcome.failed.error),
            ),
      );
    }
    setStep(
      dryRun && !outcome.failed ? { kind: 'previewed', file, batches, outcome } : { kind: 'done', file, outcome },
    );
  };

  return (
    <main class="wide">
      <h1>{t('rosterTitle')}</h1>
      <p class="hint">{t('rosterIntro')}</p>
      <label for="roster-file">{t('rosterChoose')}</label>
      <input
        id="roster-file"
        type="file"
        accept=".csv,.txt,text/csv"
        disabled={step.kind === 'running'}
        onChange={(e) => {
          const f = (e.target as HTMLInputElement).files?.[0];
          if (f) void choose(f);
        }}
      />
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}

      {step.kind === 'checked' && (
        <section aria-labelledby="roster-check">
          <h2 id="roster-check">{t('rosterChecked', step.file)}</h2>
          <p>
            {t(
              'rosterFileFacts',
              step.encoding,
              step.parsed.delimiter === '\t' ? 'tab' : step.parsed.delimiter,
              String(step.parsed.rows.length + countRows(step.parsed.errors)),
            )}
          </p>
          <Columns parsed={step.parsed} />
          {step.parsed.errors.length > 0 ? (
            <Errors errors={step.parsed.errors} />
          ) : (
            step.batches.length > 0 && (
              <button type="button" onClick={() => void run(step.file, step.batches, true)}>
                {t('rosterPreview')}
              </button>
            )
          )}
        </section>
      )}

      {step.kind === 'running' && (
        <section aria-labelledby="roster-running">
          <h2 id="roster-running">{step.dryRun ? t('rosterPreviewing') : t('rosterImporting')}</h2>
          <progress max={step.progress.rowsTotal} value={step.progress.rowsDone} aria-describedby="roster-progress" />
          <p id="roster-progress" role="status" aria-live="polite">
            {t(
              'rosterProgress',
              String(step.progress.rowsDone),
              String(step.progress.rowsTotal),
              String(step.progress.batch),
              String(step.progress.batches),
            )}
          </p>
        </section>
      )}

      {step.kind === 'previewed' && (
        <section aria-labelledby="roster-preview">
          <h2 id="roster-preview">{t('rosterPreviewTitle')}</h2>
          <Counts outcome={step.outcome} dryRun />
          {step.outcome.errors.length > 0 ? (
            <Errors errors={step.outcome.errors} />
          ) : (
            <button type="button" onClick={() => void run(step.file, step.batches, false)}>
              {t('rosterImportNow')}
            </button>
          )}
        </section>
      )}

      {step.kind === 'done' && (
        <section aria-labelledby="roster-done">
          <h2 id="roster-done">{step.outcome.failed ? t('rosterPartly') : t('rosterDone')}</h2>
          <Counts outcome={step.outcome} dryRun={false} />
          {step.outcome.errors.length > 0 && <Errors errors={step.outcome.errors} />}
        </section>
      )}
    </main>
  );
}

/** Rows with at least one error (a row can have several). */
const countRows = (errors: RowError[]) => new Set(errors.filter((e) => e.row > 0).map((e) => e.row)).size;

function Columns({ parsed }: { parsed: ParsedRoster }) {
  const entries = Object.entries(parsed.columns);
  if (!entries.length) return null;
  return (
    <table class="columns">
      <caption>{t('rosterColumns')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rosterField')}</th>
          <th scope="col">{t('rosterHeader')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([field, header]) => (
          <tr key={field}>
            <td>{t(`rosterField_${field}` as Parameters<typeof t>[0])}</td>
            <td>{header}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Errors({ errors }: { errors: RowError[] }) {
  return (
    <div class="status error" role="alert">
      <p>{t('rosterErrors', formatNumber(errors.length))}</p>
      <ul>
        {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
          <li key={i}>{rowErrorText(e)}</li>
        ))}
      </ul>
      {errors.length > SHOWN_ERRORS && <p>{t('rosterMoreErrors', formatNumber(errors.length - SHOWN_ERRORS))}</p>}
    </div>
  );
}

function Counts({ outcome, dryRun }: { outcome: BatchOutcome; dryRun: boolean }) {
  return (
    <ul class="counts">
      <li>{t(dryRun ? 'rosterWouldCreate' : 'rosterCreated', String(outcome.created))}</li>
      <li>{t(dryRun ? 'rosterWouldUpdate' : 'rosterUpdated', String(outcome.updated))}</li>
      <li>{t('rosterUnchanged', formatNumber(outcome.unchanged))}</li>
      <li>{t('rosterClasses', outcome.classesCreated.join(', ') || '–')}</li>
    </ul>
  );
}
