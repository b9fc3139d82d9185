import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';

export interface FakeSs12000Source {
  url: string;
  /** Every request's path and query, to check paging and `meta.modified.after`. */
  requests: URL[];
  lists: Record<string, Record<string, unknown>[]>;
  /** Answer every request with this status (e.g. 500) while set. */
  failWith: number | null;
  close(): Promise<void>;
}

/**
 * A school's administrative system as the SS 12000 read API shows it, on 127.0.0.1: bearer
 * token, pages of at most `maxPage` with an opaque `pageToken`, and persons filtered by
 * `meta.modified.after`. The real systems cannot run here; this follows the published API.
 */
export async function startFakeSs12000Source(
  lists: Record<string, Record<string, unknown>[]>,
  token: string,
  maxPage = 2,
): Promise<FakeSs12000Source> {
  const source: FakeSs12000Source = { url: '', requests: [], lists, failWith: null, close: async () => undefined };
  const app = new Hono().get('/ss12000/:list', (c) => {
    source.requests.push(new URL(c.req.url));
    if (source.failWith) return c.json({ code: 'error' }, source.failWith as 500);
    if (c.req.header('authorization') !== `Bearer ${token}`) return c.json({ code: 'unauthorized' }, 401);
    let items = source.lists[c.req.param('list')];
    if (!items) return c.json({ code: 'not found' }, 404);
    const after = c.req.query('meta.modified.after');
    if (after)
      items = items.filter((i) => String((i.meta as { modified?: string } | undefined)?.modified ?? '') >= after);
    const limit = Math.min(Number(c.req.query('limit') ?? maxPage), maxPage);
    const offset = c.req.query('pageToken') ? Number(atob(c.req.query('pageToken')!)) : 0;
    const page = items.slice(offset, offset + limit);
    return c.json({ data: page, pageToken: offset + limit < items.length ? btoa(String(offset + limit)) : null });
  });
  let server: ServerType;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  source.url = `http://127.0.0.1:${port}/ss12000`;
  source.close = () => new Promise((r) => server.close(() => r()));
  return source;
}
