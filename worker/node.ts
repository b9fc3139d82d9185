import { serve } from '@hono/node-server';
import { createApp } from './app';
import { configFromEnv } from './config';
import { createDb } from './db/client';
import { applyMigrations } from './db/migrate';
import { openLocalClient } from './db/open-local';
import { demoLmsRoutes } from './demo/lms-page';
import { seedDemo } from './demo/seed';

/** Node entry: the embedded libSQL file by default, migrations at start, demo data on first start. */
async function main() {
  const url = process.env.DATABASE_URL ?? 'file:./data/iup-stod.db';
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  const client = await openLocalClient(url);
  const db = createDb(client);
  await applyMigrations(db);
  const seeded = process.env.SEED_DEMO === 'false' ? null : await seedDemo(db, new Date());

  const app = createApp({ db, clock: () => new Date(), config: configFromEnv(process.env) });
  // The demo platform page shares the origin the demo school publishes (127.0.0.1:8787).
  const lms = process.env.SEED_DEMO === 'false' ? null : demoLmsRoutes(db);
  const fetch = (req: Request) => (lms && new URL(req.url).pathname.startsWith('/demo/lms') ? lms.fetch(req) : app.fetch(req));
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
  console.error('IUP-stöd could not start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
