import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../worker/app';
import { defaultConfig } from '../../worker/context';
import { createDb } from '../../worker/db/client';
import { applyMigrations } from '../../worker/db/migrate';
import { openLocalClient } from '../../worker/db/open-local';
import { demoLmsRoutes } from '../../worker/demo/lms-page';
import { seedDemo, type DemoSeed } from '../../worker/repositories/demo-school';

export interface DemoApi {
  /** http://127.0.0.1:port — the same after `stop()` and `start()`. */
  readonly url: string;
  readonly seeded: DemoSeed;
  /** Stop answering (connections closed), as when the school's server is down. */
  stop(): Promise<void>;
  /** Answer again on the same port and database. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real API on a temporary libSQL file with the demo school, served on 127.0.0.1 as `npm start`
 * does — with the demo learning platform at /demo/lms when `withLms`.
 */
export async function startDemoApi(opts: { withLms?: boolean } = {}): Promise<DemoApi> {
  const dir = mkdtempSync(join(tmpdir(), 'iup-e2e-api-'));
  const client = await openLocalClient(`file:${join(dir, 'api.db')}`);
  const db = createDb(client);
  await applyMigrations(db);
  const seeded = (await seedDemo(db, new Date()))!;
  const app = createApp({ db, clock: () => new Date(), config: defaultConfig() });
  const lms = opts.withLms ? demoLmsRoutes(db) : null;
  const fetch = (req: Request) =>
    lms && new URL(req.url).pathname.startsWith('/demo/lms') ? lms.fetch(req) : app.fetch(req);
  let server: ServerType | null = null;
  let port = 0;
  const start = () =>
    new Promise<void>((resolve) => {
      server = serve({ fetch, port, hostname: '127.0.0.1' }, (info) => {
        port = info.port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) {
        resolve();
        return;
      }
      s.close(() => resolve());
      // An HTTP/1 server: close keep-alive sockets too, or close() waits for the browser to let go.
      if ('closeAllConnections' in s) s.closeAllConnections();
    });
  await start();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    seeded,
    start,
    stop,
    async close() {
      await stop();
      client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
