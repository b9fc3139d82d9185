import { Worker } from 'node:worker_threads';
import { ApiError } from '../errors';
import type { ReportRunner, ReportTask } from './report-tasks';

interface Job {
  id: number;
  task: ReportTask;
  args: unknown[];
  resolve: (json: string) => void;
  reject: (err: Error) => void;
}
interface Slot {
  worker: Worker;
  job: Job | null;
  ready: Promise<void>;
}

const THREAD_ENTRY = new URL('./report-thread.ts', import.meta.url).href;
const BOOT = new URL('./thread-boot.mjs', import.meta.url);

/**
 * Report threads for the Node entry (`threads` of them, jobs queued first come first served). A
 * thread that dies is replaced and its job fails with a 500; the API process keeps serving.
 */
export function reportPool(
  databaseUrl: string,
  threads: number,
  authToken?: string,
): ReportRunner & { ready(): Promise<void>; close(): Promise<void> } {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    // A large young generation: a school report allocates tens of MB of short-lived objects, and
    // with the default the thread spends a third of its time collecting them (see `npm run bench`).
    const worker = new Worker(BOOT, {
      workerData: { entry: THREAD_ENTRY, databaseUrl, authToken },
      resourceLimits: { maxYoungGenerationSizeMb: 192 },
    });
    let markReady!: () => void;
    const slot: Slot = {
      worker,
      job: null,
      ready: new Promise((r) => {
        markReady = r;
      }),
    };
    slot.worker.on(
      'message',
      (msg: {
        id?: number;
        ok?: boolean;
        ready?: true;
        json?: string;
        error?: { status: number; code: string; message: string; details?: unknown };
      }) => {
        if (msg.ready) {
          markReady();
          if (!slot.job) slot.worker.unref();
          return;
        }
        if (msg.id === undefined || slot.job?.id !== msg.id) return;
        const job = slot.job;
        slot.job = null;
        slot.worker.unref();
        if (msg.ok) job.resolve(msg.json!);
        else if (msg.error!.status >= 500) job.reject(new Error(msg.error!.message));
        else
          job.reject(
            new ApiError(
              msg.error!.status as 400,
              msg.error!.code as 'validation_failed',
              msg.error!.message,
              msg.error!.details,
            ),
          );
        pump();
      },
    );
    slot.worker.on('error', (err) => {
      slot.job?.reject(err instanceof Error ? err : new Error(String(err)));
      slot.job = null;
    });
    slot.worker.on('exit', () => {
      if (closed) return;
      slot.job?.reject(new Error('report thread stopped'));
      slots.splice(slots.indexOf(slot), 1, spawn());
      pump();
    });
    // Idle threads never keep the process alive on their own; one starting or with a job does.
    return slot;
  }

  function pump(): void {
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, task: job.task, args: job.args });
    }
  }

  for (let i = 0; i < threads; i++) slots.push(spawn());
  return {
    run: (task, ...args) =>
      new Promise<string>((resolve, reject) => {
        queue.push({ id: nextId++, task, args, resolve, reject });
        pump();
      }),
    /** Every thread has loaded its code and opened its connection. */
    async ready() {
      await Promise.all(slots.map((s) => s.ready));
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
