import type { Context } from 'hono';

/**
 * The address a request came from, for rate limits only (never logged or stored). On Workers the
 * platform sets `cf-connecting-ip`; on Node it is the socket's peer. Forwarded-for headers are not
 * trusted: any client can send them.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  // On Node the header would be the client's own say-so; only the socket counts there.
  if (env?.incoming) return env.incoming.socket?.remoteAddress ?? 'unknown';
  return c.req.header('cf-connecting-ip') ?? 'unknown';
}
