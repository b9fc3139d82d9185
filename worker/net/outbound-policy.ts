import ipaddr from 'ipaddr.js';

/**
 * Where the API may send requests on an admin's behalf (the SS 12000 pull): public unicast
 * addresses only. Loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade
 * NAT, unique-local, multicast, documentation and the IPv6 forms that carry an IPv4 address
 * inside (mapped, NAT64, 6to4, Teredo) are refused — otherwise an admin token would be a tool to
 * reach the server's own ports and its neighbours. A school whose SS 12000 server is on its own
 * network names that host in `SS12000_ALLOWED_HOSTS`.
 */
export class BlockedDestinationError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to ${address}, which is not a public address (allow it with SS12000_ALLOWED_HOSTS)`);
  }
}

/** True for an address on the public internet. Accepts IPv4, IPv6 and IPv4-mapped IPv6. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** A URL's host as the allow list spells it: lower case, IPv6 without brackets. */
export const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^\[|\]$/g, '');

/**
 * The URL's host when it is an address literal. WHATWG URL parsing already turns "127.1",
 * "2130706433" and "0x7f.1" into "127.0.0.1", so one check covers those spellings.
 */
export const addressLiteral = (url: URL): string | null => (ipaddr.isValid(hostOf(url)) ? hostOf(url) : null);

/**
 * For runtimes without DNS access (Workers, whose fetch cannot reach the server's private network
 * anyway): refuse address literals that are not public, and never follow redirects.
 */
export function checkedFetch(allowedHosts: readonly string[]): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const literal = addressLiteral(url);
    if (literal && !allowedHosts.includes(hostOf(url)) && !isPublicAddress(literal))
      throw new BlockedDestinationError(hostOf(url), literal);
    return fetch(url, { ...init, redirect: 'manual' });
  };
}
