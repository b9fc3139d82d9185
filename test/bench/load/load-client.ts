import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

/**
 * The load generator, run as its own process so it does not share the API's event loop or core.
 * Reads a scenario file, runs autocannon and prints one JSON line with the result.
 */
export interface LoadScenario {
  kind: 'get' | 'put-iup';
  url: string;
  connections: number;
  durationSeconds: number;
  token?: string;
  /** get: paths requested round-robin. */
  paths?: string[];
  /** put-iup: documents to save, each claimed by one connection at a time so the version is known. */
  iups?: { id: string; version: number }[];
  body?: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  conflicts: number;
}

async function main() {
  const s = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadScenario;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (s.token) headers.authorization = `Bearer ${s.token}`;
  let conflicts = 0;
  let requests: autocannon.Request[];
  if (s.kind === 'get') {
    let next = 0;
    const paths = s.paths!;
    requests = [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }];
  } else {
    const free = [...s.iups!];
    const body = s.body!;
    type Ctx = { doc?: { id: string; version: number } };
    requests = [
      {
        method: 'PUT',
        setupRequest: (req, context: Ctx) => {
          const doc = free.shift()!;
          context.doc = doc;
          return { ...req, path: `/v1/iups/${doc.id}`, headers: { ...headers, 'if-match': `"${doc.version}"` }, body };
        },
        onResponse: (status, _body, context: Ctx, resHeaders) => {
          const doc = context.doc!;
          if (status === 200) doc.version = Number(String(resHeaders?.etag ?? resHeaders?.ETag).replace(/"/g, ''));
          if (status === 409) conflicts++;
          free.push(doc);
        },
      },
    ];
  }
  // A 30 s timeout: a slow answer is measured as slow, not dropped as an error.
  const r = await autocannon({
    url: s.url,
    connections: s.connections,
    duration: s.durationSeconds,
    timeout: 30,
    headers,
    requests,
  });
  const out: LoadResult = {
    requestsPerSecond: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    conflicts,
  };
  console.log(JSON.stringify(out));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
