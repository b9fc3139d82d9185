// Worker threads do not inherit the TypeScript loader the API process runs under (tsx), so each
// thread registers it before loading its entry.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.entry);
