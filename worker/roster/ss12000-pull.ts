import type { Ss12000Files } from '../../shared/roster-import/ss12000';
import { ApiError } from '../errors';

export interface Ss12000Source {
  /** The SS 12000 API's base URL, e.g. https://skolsystem.example/ss12000/v2 */
  baseUrl: string;
  /** Bearer token issued by the school's administrative system; used for this pull only, never stored. */
  token: string;
  /** Only persons modified at or after this time (`meta.modified.after`); null for everything. */
  since: string | null;
  /** The runtime's guarded fetch (public addresses only, no redirects): see `net/`. */
  fetch: typeof fetch;
  pageSize?: number;
}

/** A municipality's largest lists stay far below this; a source that never ends its paging is stopped. */
const MAX_PAGES = 2000;

/**
 * Any failure to read the source — unreachable, a refused or private address, a refused token, an
 * HTTP error, an answer that is not an SS 12000 list — is one answer to the API's caller (502
 * with one message): telling them apart would turn an admin token into a scanner of hosts and
 * ports. `reason` has the particulars for the admin CLI, which runs on the server itself.
 */
export class UpstreamError extends ApiError {
  constructor(readonly reason: string) {
    super(
      502,
      'upstream_failed',
      'The SS 12000 source could not be read. Check its address and the token; `npm run admin -- roster pull-ss12000` on the server shows the details.',
    );
  }
}

/**
 * Read the entities an IUP roster needs from an SS 12000 API, following `pageToken` until the
 * source says there is no more. Organisations, groups, duties and activities are read whole
 * (they are few and a membership change does not always touch the person); persons are read
 * since the last pull when `since` is given. Errors name the list and the HTTP status, never the
 * token.
 */
export async function pullSs12000(src: Ss12000Source): Promise<Ss12000Files> {
  const doFetch = src.fetch;
  const base = src.baseUrl.replace(/\/+$/, '');
  const pageSize = src.pageSize ?? 500;

  async function all(path: string, key: string, modifiedAfter: string | null): Promise<unknown[]> {
    const out: unknown[] = [];
    let pageToken: string | null = null;
    const seen = new Set<string>();
    for (let page = 0; page < MAX_PAGES; page++) {
      const q = new URLSearchParams({ limit: String(pageSize) });
      if (modifiedAfter) q.set('meta.modified.after', modifiedAfter);
      if (pageToken) q.set('pageToken', pageToken);
      let res: Response;
      try {
        res = await doFetch(`${base}${path}?${q}`, {
          headers: { authorization: `Bearer ${src.token}`, accept: 'application/json' },
        });
      } catch (err) {
        throw new UpstreamError(
          `could not reach the source for ${path}: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      if (res.status === 401 || res.status === 403)
        throw new UpstreamError(`the source refused the token for ${path} (HTTP ${res.status})`);
      if (!res.ok) throw new UpstreamError(`the source answered HTTP ${res.status} for ${path}`);
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        throw new UpstreamError(`the source sent something other than JSON for ${path}`);
      }
      const o = (body ?? {}) as Record<string, unknown>;
      const items = Array.isArray(o.data) ? o.data : Array.isArray(o[key]) ? (o[key] as unknown[]) : null;
      if (!items) throw new UpstreamError(`the source's answer for ${path} has no list`);
      out.push(...(items as unknown[]));
      pageToken = typeof o.pageToken === 'string' && o.pageToken !== '' ? o.pageToken : null;
      if (!pageToken) return out;
      if (seen.has(pageToken)) throw new UpstreamError(`the source repeated a page token for ${path}`);
      seen.add(pageToken);
    }
    throw new UpstreamError(`the source did not stop paging ${path}`);
  }

  const [organisations, persons, groups, duties, activities] = await Promise.all([
    all('/organisations', 'organisations', null),
    all('/persons', 'persons', src.since),
    all('/groups', 'groups', null),
    all('/duties', 'duties', null),
    all('/activities', 'activities', null),
  ]);
  return { organisations, persons, groups, duties, activities };
}
