import type { CsvBatch } from '../../../shared/roster-import/split-batches';
import type { RosterImportResult } from '../../../shared/schemas/roster-import';
import type { RowError } from '../../../shared/phrases/transfer';
import type { ApiClient } from '../../sync/api-client';

export interface BatchProgress {
  batch: number;
  batches: number;
  rowsDone: number;
  rowsTotal: number;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  classesCreated: string[];
  /** With the file's row numbers, not the batch's. */
  errors: RowError[];
  /** The batch that failed (1-based), with the reason; batches before it are done. */
  failed: { batch: number; error: unknown } | null;
}

/**
 * Send a roster in batches, one request (one transaction) each, reporting progress after each.
 * Stops at the first failing batch: the upsert by id makes running the whole import again safe.
 */
export async function importInBatches(
  api: Pick<ApiClient, 'importRoster'>,
  batches: readonly CsvBatch[],
  opts: { dryRun: boolean; teamId: string | null },
  onProgress: (p: BatchProgress) => void,
): Promise<BatchOutcome> {
  const out: BatchOutcome = { created: 0, updated: 0, unchanged: 0, classesCreated: [], errors: [], failed: null };
  const classes = new Set<string>();
  const rowsTotal = batches.reduce((n, b) => n + b.rows, 0);
  let rowsDone = 0;
  onProgress({ batch: 0, batches: batches.length, rowsDone, rowsTotal });
  for (const [i, b] of batches.entries()) {
    let result: RosterImportResult;
    try {
      result = await api.importRoster({ content: toBase64(b.bytes), dryRun: opts.dryRun, teamId: opts.teamId });
    } catch (error) {
      out.failed = { batch: i + 1, error };
      break;
    }
    out.errors.push(...result.errors.map((e) => ({ ...e, row: e.row > 0 ? e.row + b.rowOffset : e.row })));
    if (result.report) {
      out.created += result.report.created;
      out.updated += result.report.updated;
      out.unchanged += result.report.unchanged;
      // A dry run cannot know a class an earlier batch would create: count each name once.
      for (const c of result.report.classesCreated) classes.add(c);
    }
    rowsDone += b.rows;
    onProgress({ batch: i + 1, batches: batches.length, rowsDone, rowsTotal });
  }
  out.classesCreated = [...classes];
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
