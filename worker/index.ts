import type { ExecutionContext } from 'hono';
import { createClient } from '@libsql/client/web';
import { createApp, type App } from './app';
import { configFromEnv } from './config';
import { createDb } from './db/client';
import { checkedFetch } from './net/outbound-policy';

/** Bindings set in wrangler.toml ([vars]) and as secrets (`wrangler secret put LIBSQL_AUTH_TOKEN`). */
export interface WorkerEnv {
  LIBSQL_URL: string;
  LIBSQL_AUTH_TOKEN?: string;
  CORS_ORIGINS?: string;
  MAX_BODY_BYTES?: string;
  SS12000_ALLOWED_HOSTS?: string;
}

// One app per isolate: the remote libSQL client holds no connection between requests (HTTP).
let cached: { key: string; app: App } | undefined;

function appFor(env: WorkerEnv): App {
  const key = JSON.stringify([env.LIBSQL_URL, env.CORS_ORIGINS, env.MAX_BODY_BYTES, env.SS12000_ALLOWED_HOSTS]);
  if (cached?.key !== key) {
    if (!env.LIBSQL_URL) throw new Error('LIBSQL_URL is not set (wrangler.toml [vars] or a secret).');
    const client = createClient({ url: env.LIBSQL_URL, authToken: env.LIBSQL_AUTH_TOKEN });
    cached = {
      key,
      app: createApp({
        db: createDb(client),
        clock: () => new Date(),
        config: configFromEnv({ ...env }, 'workers'),
        outboundFetch: checkedFetch(configFromEnv({ ...env }, 'workers').ss12000AllowedHosts),
      }),
    };
  }
  return cached.app;
}

/** Cloudflare Workers entry: the same app as on Node, against remote libSQL (Turso or sqld). */
export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    return appFor(env).fetch(request, env, ctx);
  },
};
