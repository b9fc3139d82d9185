import type { Context } from 'hono';
import ipaddr from 'ipaddr.js';

/**
 * Where the client's address comes from, for guessing limits only (it is never logged or stored):
 * - `socket` (Node): the TCP peer. Forwarded headers count only when that peer is one of
 *   `trustedProxies` (addresses or CIDR ranges of the school's own reverse proxy); then the
 *   right-most `X-Forwarded-For` entry that is not itself a trusted proxy is the client. Without
 *   that setting every header is the client's own say-so and is ignored.
 * - `cf-connecting-ip` (Cloudflare Workers): the platform sets it and clients cannot.
 */
export type ClientAddressSource = 'socket' | 'cf-connecting-ip';

export interface ClientAddressConfig {
  clientAddressSource: ClientAddressSource;
  trustedProxies: readonly string[];
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parse `TRUST_PROXY` entries ("10.0.0.5", "10.0.0.0/8", "::1"); throws on anything else. */
export function parseTrustedProxies(entries: readonly string[]): Range[] {
  return entries.map((e) => {
    const [addr, bits] = e.includes('/')
      ? ipaddr.parseCIDR(e)
      : ([ipaddr.parse(e), ipaddr.parse(e).kind() === 'ipv4' ? 32 : 128] as Range);
    const n = normalise(addr);
    // "::ffff:10.0.0.0/104" is the IPv4 range 10.0.0.0/8.
    return [n, n === addr ? bits : bits - 96];
  });
}

const normalise = (a: ipaddr.IPv4 | ipaddr.IPv6) =>
  a.kind() === 'ipv6' && (a as ipaddr.IPv6).isIPv4MappedAddress() ? (a as ipaddr.IPv6).toIPv4Address() : a;

function parseAddress(s: string | undefined): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!s || !ipaddr.isValid(s.trim())) return null;
  return normalise(ipaddr.parse(s.trim()));
}

const inRanges = (a: ipaddr.IPv4 | ipaddr.IPv6, ranges: readonly Range[]) =>
  ranges.some((r) => a.kind() === r[0].kind() && a.match(r));

/** The client's address as text, or 'unknown' when the runtime gives none (in-process tests). */
export function resolveClientAddress(c: Context, cfg: ClientAddressConfig, trusted: readonly Range[]): string {
  if (cfg.clientAddressSource === 'cf-connecting-ip')
    return parseAddress(c.req.header('cf-connecting-ip'))?.toString() ?? 'unknown';
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  let addr = parseAddress(env?.incoming?.socket?.remoteAddress);
  if (!addr) return 'unknown';
  if (trusted.length && inRanges(addr, trusted)) {
    const hops = (c.req.header('x-forwarded-for') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      const hop = parseAddress(hops[i]);
      if (!hop) break;
      addr = hop;
      if (!inRanges(hop, trusted)) break;
    }
  }
  return addr.toString();
}

/**
 * The key failures are counted under: an IPv4 address as it is, an IPv6 address by its /64 —
 * one household or server gets a whole /64, so single IPv6 addresses cost nothing to rotate.
 */
export function addressKey(address: string): string {
  if (!ipaddr.isValid(address)) return `addr:${address}`;
  const a = normalise(ipaddr.parse(address));
  if (a.kind() === 'ipv4') return `addr:${a.toString()}`;
  return `addr:${(a as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((p) => p.toString(16))
    .join(':')}::/64`;
}

/** A credential's own key: its first characters, so one bad token sent from many addresses is counted too. */
export const credentialKey = (credential: string) => `cred:${credential.slice(0, 16)}`;
