import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressLiteral, BlockedDestinationError, hostOf, isPublicAddress } from './outbound-policy';

const TIMEOUT_MS = 30_000;
/** A page of an SS 12000 list is a few MB at most; a source that sends more is cut off. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * `fetch` for requests the API makes on an admin's behalf, on Node: the host is resolved once,
 * every address it resolves to must be public (unless the host is allowed by name), and the
 * connection goes to the address that was checked — so a DNS answer that changes between the
 * check and the connection (rebinding) cannot reach a private address. Redirects are not
 * followed. Only what the SS 12000 pull needs: GET with headers, status and body.
 */
export function guardedFetch(allowedHosts: readonly string[]): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const host = hostOf(url);
    const allowed = allowedHosts.includes(host);
    const literal = addressLiteral(url);
    if (literal && !allowed && !isPublicAddress(literal)) throw new BlockedDestinationError(host, literal);

    // Called by the socket for host names (not for address literals, checked above).
    const lookup: LookupFunction = (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
        if (err) return callback(err, '', 0);
        const bad = allowed ? undefined : addresses.find((a) => !isPublicAddress(a.address));
        if (bad) return callback(new BlockedDestinationError(hostname, bad.address), '', 0);
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        return callback(null, addresses[0]!.address, addresses[0]!.family);
      });
    };
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<Response>((resolve, reject) => {
      const req = send(url, { method: init?.method ?? 'GET', headers, lookup, timeout: TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            req.destroy(new Error(`the answer is larger than ${MAX_BODY_BYTES} bytes`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          const status = res.statusCode ?? 502;
          const responseHeaders = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') responseHeaders.set(k, v);
          resolve(
            new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), {
              status,
              headers: responseHeaders,
            }),
          );
        });
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
      req.on('error', reject);
      init?.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')), { once: true });
      req.end();
    });
  };
}
