import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressKey, parseTrustedProxies, resolveClientAddress, type ClientAddressConfig } from './client-address';

/** What the app sees for a request from `peer` with these headers. */
async function seen(cfg: ClientAddressConfig, peer: string | undefined, headers: Record<string, string> = {}) {
  const app = new Hono().get('/', (c) => c.text(resolveClientAddress(c, cfg, parseTrustedProxies(cfg.trustedProxies))));
  const env = peer === undefined ? undefined : { incoming: { socket: { remoteAddress: peer } } };
  return (await app.request('/', { headers }, env)).text();
}

const node = (trustedProxies: string[] = []): ClientAddressConfig => ({
  clientAddressSource: 'socket',
  trustedProxies,
});

describe('the client address for guessing limits', () => {
  it('on Node is the socket peer; headers a client sends are ignored', async () => {
    expect(
      await seen(node(), '203.0.113.7', { 'cf-connecting-ip': '198.51.100.1', 'x-forwarded-for': '198.51.100.2' }),
    ).toBe('203.0.113.7');
    expect(await seen(node(), '::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(await seen(node(), undefined)).toBe('unknown');
  });

  it('behind a trusted proxy is the right-most forwarded address that is not a trusted proxy', async () => {
    const cfg = node(['127.0.0.1', '10.0.0.0/8']);
    expect(await seen(cfg, '127.0.0.1', { 'x-forwarded-for': '198.51.100.9, 203.0.113.5, 10.1.2.3' })).toBe(
      '203.0.113.5',
    );
    // A forged left-most entry does not win.
    expect(await seen(cfg, '127.0.0.1', { 'x-forwarded-for': '1.2.3.4, 203.0.113.5' })).toBe('203.0.113.5');
    // From anywhere else the header is the client's own say-so.
    expect(await seen(cfg, '203.0.113.99', { 'x-forwarded-for': '198.51.100.1' })).toBe('203.0.113.99');
    // A garbled header stops at the proxy itself.
    expect(await seen(cfg, '127.0.0.1', { 'x-forwarded-for': 'not-an-address' })).toBe('127.0.0.1');
  });

  it('on Workers is the platform header', async () => {
    expect(
      await seen({ clientAddressSource: 'cf-connecting-ip', trustedProxies: [] }, undefined, {
        'cf-connecting-ip': '198.51.100.1',
      }),
    ).toBe('198.51.100.1');
  });

  it('counts IPv6 clients by their /64, IPv4 by the address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::99'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('203.0.113.1')).not.toBe(addressKey('203.0.113.2'));
  });

  it('refuses a TRUST_PROXY entry that is not an address or range', () => {
    expect(() => parseTrustedProxies(['nginx'])).toThrow();
    expect(parseTrustedProxies(['::ffff:10.0.0.0/104'])[0]![1]).toBe(8);
  });
});
