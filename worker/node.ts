import cluster from 'node:cluster';
import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { createApp } from './app';
import { primaryFailureCounts, runCluster } from './cluster';
import { ConfigError, configFromEnv } from './config';
import { nodeEnvFrom, type NodeEnv } from './node-env';
import type { AppConfig } from './context';
import { createDb, type Db } from './db/client';
import { applyMigrations } from './db/migrate';
import { openLocalClient } from './db/open-local';
import { demoLmsRoutes } from './demo/lms-page';
import { seedDemo } from './repositories/demo-school';
import type { FailureCounts } from './middleware/guessing';
import { guardedFetch } from './net/guarded-fetch-node';
import { reportPool } from './reports/report-pool';

/**
 * Node entry: the embedded libSQL file by default, migrations and demo data at start (once, in
 * the first process), then `API_PROCESSES` processes serving on one port (see `cluster.ts`),
 * each with `REPORT_THREADS` threads for long reports.
 */
async function main() {
  // Every variable is checked before anything is opened: a typo stops the start with its name.
  const env = nodeEnvFrom(process.env);
  const config = configFromEnv(process.env, 'node');
  if (cluster.isWorker) {
    await serveApi(env, config, primaryFailureCounts(), (port) => process.send!({ kind: 'listening', port }));
    return;
  }
  const client = await openLocalClient(env.DATABASE_URL, env.LIBSQL_AUTH_TOKEN);
  const db = createDb(client);
  await applyMigrations(db);
  const seeded = env.SEED_DEMO ? await seedDemo(db, new Date()) : null;
  const announce = (port: number) => printBanner(env, port, seeded);
  if (env.API_PROCESSES === 1) {
    await serveApi(env, config, undefined, announce, { client, db });
    return;
  }
  client.close();
  runCluster({ processes: env.API_PROCESSES, config, onListening: announce });
}

/** One API process: the app on its own connection (or the one given), its report threads, the demo platform. */
async function serveApi(
  env: NodeEnv,
  config: AppConfig,
  failureCounts: FailureCounts | undefined,
  onListening: (port: number) => void,
  opened?: { client: Awaited<ReturnType<typeof openLocalClient>>; db: Db },
): Promise<void> {
  const client = opened?.client ?? (await openLocalClient(env.DATABASE_URL, env.LIBSQL_AUTH_TOKEN));
  const db = opened?.db ?? createDb(client);
  const reports =
    env.REPORT_THREADS > 0 ? reportPool(env.DATABASE_URL, env.REPORT_THREADS, env.LIBSQL_AUTH_TOKEN) : undefined;
  const app = createApp({
    db,
    clock: () => new Date(),
    config,
    outboundFetch: guardedFetch(config.ss12000AllowedHosts),
    reports,
    failureCounts,
  });
  // The demo platform page shares the origin the demo school publishes (127.0.0.1:8787).
  const lms = env.SEED_DEMO ? demoLmsRoutes(db) : null;
  // The Node bindings (`incoming`, `outgoing`) go on to the app: the client's address is the socket's.
  const fetch = (req: Request, bindings: HttpBindings | Http2Bindings) =>
    lms && new URL(req.url).pathname.startsWith('/demo/lms') ? lms.fetch(req) : app.fetch(req, bindings);
  const server = serve({ fetch, port: env.PORT, hostname: env.HOST }, (info) => onListening(info.port));
  const stop = () =>
    server.close(() => {
      void reports?.close();
      client.close();
      process.exit(0);
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function printBanner(env: NodeEnv, port: number, seeded: Awaited<ReturnType<typeof seedDemo>>): void {
  const base = `http://${env.HOST}:${port}`;
  console.log(
    `IUP-stöd API listening on ${base}  (database: ${env.DATABASE_URL}; ${env.API_PROCESSES} process${env.API_PROCESSES === 1 ? '' : 'es'})`,
  );
  console.log(`  OpenAPI: ${base}/v1/openapi.json`);
  if (seeded) {
    console.log('\nDemo school created. These tokens are shown once; keep them:');
    console.log(`  teacher (Karin, team lead): ${seeded.teacherToken}`);
    console.log(`  admin   (Per):              ${seeded.adminToken}`);
    console.log(`  teacher (Lina, team member): ${seeded.memberToken}`);
    console.log(`\n  curl -H "Authorization: Bearer ${seeded.teacherToken}" ${base}/v1/pupils`);
    console.log(`  Demo learning platform: ${base}/demo/lms`);
  } else {
    console.log('\nNew token for the demo teacher: npm run admin -- token create --email karin@demoskolan.example');
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`IUP-stöd could not start: a setting is wrong:\n${err.message}`);
  else console.error('IUP-stöd could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
