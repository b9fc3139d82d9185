import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The baseline every API figure is divided by: Hono on @hono/node-server answering constant
 * JSON — the same HTTP stack as the API with no auth, validation or database.
 */
const app = new Hono();
app.get('/bare', (c) => c.json({ ok: true, service: 'iup-stod-bench' }));
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listening on ${info.port}`));
