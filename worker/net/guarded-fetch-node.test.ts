import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch } from './guarded-fetch-node';
import { isPublicAddress } from './outbound-policy';

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/redirect') {
      res.writeHead(302, { location: 'http://127.0.0.1:1/' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: [{ auth: req.headers.authorization ?? null }] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the guarded fetch for pulls from other systems', () => {
  it('refuses a host name that resolves to a loopback address, before connecting', async () => {
    await expect(guardedFetch([])(`http://localhost:${port}/`)).rejects.toThrow(/not a public address/);
    await expect(guardedFetch([])(`http://127.1:${port}/`)).rejects.toThrow(/not a public address/);
  });

  it('reaches a host the settings allow by name, with the headers given, and follows no redirect', async () => {
    const f = guardedFetch(['localhost']);
    const res = await f(`http://localhost:${port}/`, { headers: { authorization: 'Bearer x' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: [{ auth: 'Bearer x' }] });
    expect((await f(`http://localhost:${port}/redirect`)).status).toBe(302);
  });

  it('knows public from private, loopback, link-local and embedded-IPv4 forms', () => {
    for (const a of ['8.8.8.8', '2a00:1450:4001::1']) expect(isPublicAddress(a)).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.1.1.1',
      '172.16.0.1',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::ffff:10.0.0.1',
      'fe80::1',
      'fd00::1',
      '64:ff9b::a00:1',
      '2002:a00:1::',
      '224.0.0.1',
      'nonsense',
    ]) {
      expect([a, isPublicAddress(a)]).toEqual([a, false]);
    }
  });
});
