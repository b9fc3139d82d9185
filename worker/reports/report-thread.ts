import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createDb } from '../db/client';
import { openLocalClient } from '../db/open-local';
import { ApiError } from '../errors';
import { REPORT_TASKS, type ReportTask } from './report-tasks';

/**
 * A report thread: its own connection to the database file (WAL lets it read while the API
 * process writes), one task at a time, answered as JSON text or as the API error it raised.
 */
// Reports yield the CPU to requests: on a busy machine a school overview takes a little longer
// instead of every autosave waiting for it. On Linux a nice value is per thread, and
// setPriority(pid 0) sets the calling thread's; elsewhere it would lower the whole API process,
// so it is left alone there.
if (process.platform === 'linux') {
  try {
    setPriority(0, 19);
  } catch {
    /* not allowed here: reports run at normal priority */
  }
}
const { databaseUrl, authToken } = workerData as { databaseUrl: string; authToken?: string };
const client = await openLocalClient(databaseUrl, authToken);
const db = createDb(client);

parentPort!.on('message', (msg: { id: number; task: ReportTask; args: unknown[] }) => void run(msg));

async function run(msg: { id: number; task: ReportTask; args: unknown[] }): Promise<void> {
  try {
    const json = await (REPORT_TASKS[msg.task] as (...a: unknown[]) => Promise<string>)(db, ...msg.args);
    parentPort!.postMessage({ id: msg.id, ok: true, json });
  } catch (err) {
    const error =
      err instanceof ApiError
        ? { status: err.status, code: err.code, message: err.message, details: err.details }
        : { status: 500, code: 'internal', message: err instanceof Error ? err.message : String(err) };
    parentPort!.postMessage({ id: msg.id, ok: false, error });
  }
}
parentPort!.postMessage({ ready: true });
