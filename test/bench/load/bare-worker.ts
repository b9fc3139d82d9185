import { Hono } from 'hono';

/** Bundle-size baseline: Hono with one constant-JSON route, bundled for workerd like the API. */
const app = new Hono();
app.get('/bare', (c) => c.json({ ok: true }));
export default app;
