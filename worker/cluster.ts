import cluster, { type Worker } from 'node:cluster';
import type { AppConfig } from './context';
import { localFailureCounts, type FailureCounts } from './middleware/guessing';

/**
 * Several API processes on one machine (node:cluster): every process serves requests on the same
 * port against the same database file (WAL: readers never wait for the writer; writers wait their
 * turn up to the busy timeout). What must be one for the machine — the count of failed
 * credentials — lives in the primary process and is asked over IPC; what may be per process (the
 * 2-second token cache, prepared queries) stays in each.
 */
interface GuessAsk {
  kind: 'iup-guess';
  id: number;
  keys: string[];
  now: number;
}
interface GuessAnswer {
  kind: 'iup-guess';
  id: number;
  wait: number;
}

/** In a worker process: failures counted by the primary. */
export function primaryFailureCounts(): FailureCounts {
  const pending = new Map<number, (wait: number) => void>();
  let next = 1;
  process.on('message', (msg: GuessAnswer) => {
    if (msg?.kind !== 'iup-guess') return;
    pending.get(msg.id)?.(msg.wait);
    pending.delete(msg.id);
  });
  return {
    failed: (keys, now) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        process.send!({ kind: 'iup-guess', id, keys: [...keys], now } satisfies GuessAsk);
      }),
  };
}

export interface ClusterOptions {
  processes: number;
  config: AppConfig;
  /** Called once, when the first process is listening. */
  onListening: (port: number) => void;
}

/**
 * In the primary: fork the API processes, answer their failure counts, replace a process that
 * dies (unless many die at once: then stop, as a broken start would loop forever), and stop them
 * all on SIGTERM/SIGINT.
 */
export function runCluster({ processes, config, onListening }: ClusterOptions): void {
  const counts = localFailureCounts(config);
  let stopping = false;
  let announced = false;
  const recentDeaths: number[] = [];

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (msg: GuessAsk | { kind: 'listening'; port: number }) => {
      if (msg?.kind === 'iup-guess') {
        void counts
          .failed(msg.keys, msg.now)
          .then((wait) => worker.send({ kind: 'iup-guess', id: msg.id, wait } satisfies GuessAnswer));
      } else if (msg?.kind === 'listening' && !announced) {
        announced = true;
        onListening(msg.port);
      }
    });
    return worker;
  };

  for (let i = 0; i < processes; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length && recentDeaths[0]! < now - 60_000) recentDeaths.shift();
    console.error(`IUP-stöd API process ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    if (recentDeaths.length > processes * 3) {
      console.error('API processes keep stopping; giving up.');
      process.exit(1);
    }
    fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
