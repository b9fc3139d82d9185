import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { createApp } from './app';
import { ConfigError, configFromEnv, nodeEnvFrom } from './config';
import { createDb } from './db/client';
import { applyMigrations } from './db/migrate';
import { openLocalClient } from './db/open-local';
import { demoLmsRoutes } from './demo/lms-page';
import { seedDemo } from './demo/seed';
import { guardedFetch } from './net/guarded-fetch-node';

/** Node entry: the embedded libSQL file by default, migrations at start, demo data on first start. */
async function main() {
  // Every variable is checked before anything is opened: a typo stops the start with its name.
  const env = nodeEnvFrom(process.env);
  const config = configFromEnv(process.env, 'node');
  const { DATABASE_URL: url, PORT: port, HOST: host } = env;
  const client = await openLocalClient(url);
  const db = createDb(client);
  await applyMigrations(db);
  const seeded = env.SEED_DEMO ? await seedDemo(db, new Date()) : null;

  const app = createApp({ db, clock: () => new Date(), config, outboundFetch: guardedFetch(config.ss12000AllowedHosts) });
  // The demo platform page shares the origin the demo school publishes (127.0.0.1:8787).
  const lms = env.SEED_DEMO ? demoLmsRoutes(db) : null;
  // The Node bindings (`incoming`, `outgoing`) go on to the app: the client's address is the socket's.
  const fetch = (req: Request, bindings: HttpBindings | Http2Bindings) => (lms && new URL(req.url).pathname.startsWith('/demo/lms') ? lms.fetch(req) : app.fetch(req, bindings));
  const server = serve({ fetch, port, hostname: host }, (info) => {
    const base = `http://${host}:${info.port}`;
    console.log(`IUP-stöd API listening on ${base}  (database: ${url})`);
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
  });

  const stop = () => server.close(() => { client.close(); process.exit(0); });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`IUP-stöd could not start: a setting is wrong:\n${err.message}`);
  else console.error('IUP-stöd could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
