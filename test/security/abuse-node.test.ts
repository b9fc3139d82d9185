import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requestFrom, startApi, stopApi } from '../integration/api-process';

/**
 * The part of the abuse suite that only means something against the started Node process (the
 * entry `npm start` runs): the client's address comes from the socket there, and an in-process
 * request has none. Guessing limit: 20 failures per address in 15 minutes (the default).
 */
const dir = mkdtempSync(join(tmpdir(), 'iup-abuse-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const LIMIT = 20;

describe('guessing limits on the real Node server', () => {
  it('count the socket address, not headers a client sends; a valid token passes; other addresses are not affected', async () => {
    // Two API processes: the count of failures must hold for the machine, not per process.
    const api = await startApi(join(dir, 'a.db'), { env: { API_PROCESSES: '2' } });
    try {
      const get = (from: string, token: string, headers: Record<string, string> = {}) =>
        requestFrom(from, `${api.base}/v1/me`, { headers: { authorization: `Bearer ${token}`, ...headers } });
      // A new "client address" in every header, as the probe did: the socket is one address.
      for (let i = 0; i < LIMIT; i++) {
        const res = await get('127.0.0.1', `iup_guess${i}`, {
          'cf-connecting-ip': `198.51.100.${i}`,
          'x-forwarded-for': `203.0.113.${i}`,
        });
        expect(res.status).toBe(401);
      }
      const limited = await get('127.0.0.1', 'iup_guess-more', { 'cf-connecting-ip': '198.51.100.250' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
      // Share links and calendar feeds are in the same count.
      expect((await requestFrom('127.0.0.1', `${api.base}/share/gissning`)).status).toBe(429);
      expect((await requestFrom('127.0.0.1', `${api.base}/v1/calendar/gissning/meetings.ics`)).status).toBe(429);
      // A colleague behind the same address is not locked out.
      expect((await get('127.0.0.1', api.tokens.teacher!)).status).toBe(200);
      // Another client: its own count, untouched by the first one's failures.
      expect((await get('127.0.0.2', 'iup_other-client')).status).toBe(401);
      expect((await get('127.0.0.2', api.tokens.admin!)).status).toBe(200);
    } finally {
      await stopApi(api.child);
    }
  }, 60_000);

  it('behind a reverse proxy named in TRUST_PROXY, count the forwarded client; from anywhere else the header is ignored', async () => {
    const api = await startApi(join(dir, 'b.db'), { env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const viaProxy = (client: string, token: string) =>
        requestFrom('127.0.0.1', `${api.base}/v1/me`, {
          headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': client },
        });
      for (let i = 0; i < LIMIT; i++) expect((await viaProxy('198.51.100.7', `iup_guess${i}`)).status).toBe(401);
      expect((await viaProxy('198.51.100.7', 'iup_guess-more')).status).toBe(429);
      // Another client behind the same proxy has its own count.
      expect((await viaProxy('198.51.100.8', 'iup_guess-other')).status).toBe(401);
      // Not from the proxy: the header is the client's own say-so, and the socket counts.
      const direct = await requestFrom('127.0.0.2', `${api.base}/v1/me`, {
        headers: { authorization: 'Bearer iup_direct', 'x-forwarded-for': '198.51.100.7' },
      });
      expect(direct.status).toBe(401);
    } finally {
      await stopApi(api.child);
    }
  }, 60_000);

  it('an SS 12000 pull cannot reach the server’s own ports: one error, however the address is spelled or resolved', async () => {
    const api = await startApi(join(dir, 'c.db'));
    try {
      const port = new URL(api.base).port;
      const answers = [];
      for (const baseUrl of [
        `https://localhost:${port}/ss12000`,
        `https://127.1:${port}/ss12000`,
        `https://2130706433:${port}/ss12000`,
        `https://[::1]:${port}/ss12000`,
        'https://169.254.169.254/ss12000',
      ]) {
        const res = await fetch(`${api.base}/v1/roster/pull-ss12000`, {
          method: 'POST',
          headers: { authorization: `Bearer ${api.tokens.admin}`, 'content-type': 'application/json' },
          body: JSON.stringify({ baseUrl, token: 'x', dryRun: true }),
        });
        answers.push({ status: res.status, body: await res.text() });
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(answers[0]!.status).toBe(502);
      expect(api.output()).not.toMatch(/\/ss12000\?limit/);
    } finally {
      await stopApi(api.child);
    }
  }, 60_000);
});
