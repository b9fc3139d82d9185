import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

/**
 * An open-loop load generator: requests are sent at fixed arrival rates (Poisson), whether or not
 * earlier ones have been answered, and each latency is measured from the moment the request was
 * *scheduled* — so a server that falls behind shows its queue in the figures instead of quietly
 * slowing the generator down (what a closed loop like autocannon does). Run as its own process;
 * prints one JSON line.
 */
export type RequestKind = 'autosave' | 'getIup' | 'badge' | 'phraseSync' | 'teamOverview' | 'schoolOverview' | 'bare';

export interface OpenLoopScenario {
  url: string;
  durationSeconds: number;
  /** Arrivals per second, per kind. */
  rates: Partial<Record<RequestKind, number>>;
  /** School overviews at a fixed interval instead of (or beside) their rate. */
  schoolOverviewEverySeconds?: number;
  adminToken: string;
  teachers: { token: string; iups: { id: string; version: number }[] }[];
  /** The 4 KB autosave body's sections. */
  sections: unknown;
  timeoutMs: number;
}

export interface KindResult {
  count: number;
  ok: number;
  errors: number;
  notModified: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errorStatuses: Record<string, number>;
}
export interface OpenLoopResult {
  kinds: Partial<Record<RequestKind, KindResult>>;
  /** Autosaves that started within 2 s after a school overview was sent, and the others. */
  autosaveNearOverview: KindResult | null;
  autosaveAwayFromOverview: KindResult | null;
  sent: number;
  /** Autosaves not sent because every document of the teacher had a save in flight (should be 0). */
  skippedAutosaves: number;
  /** Per second of the run: the slowest answer to a request scheduled in it (ms), to see stalls. */
  slowestPerSecond: number[];
  /** How late the generator itself sent requests (its own lag), p99 in ms: a check on the figures. */
  sendLagP99: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function summarise(samples: { ms: number; status: number }[]): KindResult {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const ok = samples.filter((s) => s.status >= 200 && s.status < 400).length;
  const errorStatuses: Record<string, number> = {};
  for (const x of samples)
    if (x.status < 200 || x.status >= 400) errorStatuses[x.status] = (errorStatuses[x.status] ?? 0) + 1;
  return {
    errorStatuses,
    count: samples.length,
    ok,
    errors: samples.length - ok,
    notModified: samples.filter((s) => s.status === 304).length,
    p50: quantile(ms, 0.5),
    p95: quantile(ms, 0.95),
    p99: quantile(ms, 0.99),
    max: ms.at(-1) ?? 0,
  };
}

async function main() {
  const s = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as OpenLoopScenario;
  const base = new URL(s.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const writers = s.teachers.filter((t) => t.iups.length > 0);
  const inFlight = new Set<string>();
  const etags = new Map<string, string>();
  const phraseCursor = new Map<string, string>();
  const overviewSentAt: number[] = [];
  const samples = new Map<RequestKind, { ms: number; status: number; at: number }[]>();
  const lag: number[] = [];
  let rand = 12345;
  const random = () => (rand = (rand * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;

  let pending = 0;
  let sent = 0;
  let skipped = 0;
  const send = (
    kind: RequestKind,
    scheduled: number,
    method: string,
    path: string,
    token: string | null,
    headers: Record<string, string> = {},
    body?: string,
  ) => (
    pending++,
    sent++,
    new Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }>((resolve) => {
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          method,
          path,
          agent,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
            ...headers,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () => {
            const list = samples.get(kind) ?? samples.set(kind, []).get(kind)!;
            list.push({ ms: performance.now() - scheduled, status: res.statusCode ?? 0, at: scheduled });
            resolve({ status: res.statusCode ?? 0, text, headers: res.headers });
          });
        },
      );
      req.setTimeout(s.timeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        const list = samples.get(kind) ?? samples.set(kind, []).get(kind)!;
        list.push({ ms: performance.now() - scheduled, status: 0, at: scheduled });
        resolve({ status: 0, text: '', headers: {} });
      });
      if (body) req.write(body);
      req.end();
    }).finally(() => {
      pending--;
    })
  );

  const fire: Record<RequestKind, (scheduled: number) => void> = {
    autosave: (at) => {
      const teacher = pick(writers);
      const doc = teacher.iups.find((d) => !inFlight.has(d.id));
      if (!doc) {
        skipped++;
        return;
      }
      inFlight.add(doc.id);
      const body = JSON.stringify({ sections: s.sections });
      void send(
        'autosave',
        at,
        'PUT',
        `/v1/iups/${doc.id}`,
        teacher.token,
        { 'if-match': `"${doc.version}"` },
        body,
      ).then((r) => {
        if (r.status === 200) doc.version = Number(String(r.headers.etag).replace(/"/g, ''));
        else if (r.status === 409)
          doc.version = (
            JSON.parse(r.text) as { error: { details: { current: { version: number } } } }
          ).error.details.current.version;
        inFlight.delete(doc.id);
      });
    },
    getIup: (at) => {
      const teacher = pick(writers);
      void send('getIup', at, 'GET', `/v1/iups/${pick(teacher.iups).id}`, teacher.token);
    },
    // As the extension polls: with the ETag of the teacher's last report.
    badge: (at) => {
      const teacher = pick(s.teachers);
      const etag = etags.get(teacher.token);
      void send(
        'badge',
        at,
        'GET',
        '/v1/deadlines?scope=me&view=full',
        teacher.token,
        etag ? { 'if-none-match': etag } : {},
      ).then((r) => {
        if (r.status === 200 && typeof r.headers.etag === 'string') etags.set(teacher.token, r.headers.etag);
      });
    },
    phraseSync: (at) => {
      const teacher = pick(s.teachers);
      const since = phraseCursor.get(teacher.token);
      void send(
        'phraseSync',
        at,
        'GET',
        `/v1/phrases?limit=1000${since ? `&since=${encodeURIComponent(since)}` : ''}`,
        teacher.token,
      ).then((r) => {
        if (r.status === 200) {
          const next = (JSON.parse(r.text) as { nextSince: string | null }).nextSince;
          if (next) phraseCursor.set(teacher.token, next);
        }
      });
    },
    teamOverview: (at) => {
      void send('teamOverview', at, 'GET', '/v1/deadlines?scope=team&view=full', pick(s.teachers).token);
    },
    schoolOverview: (at) => {
      overviewSentAt.push(at);
      void send('schoolOverview', at, 'GET', '/v1/deadlines?scope=school', s.adminToken);
    },
    bare: (at) => {
      void send('bare', at, 'GET', '/bare', null);
    },
  };

  // Every arrival of the run, scheduled up front.
  const t0 = performance.now() + 200;
  const arrivals: { at: number; kind: RequestKind }[] = [];
  for (const [kind, rate] of Object.entries(s.rates) as [RequestKind, number][]) {
    if (!rate) continue;
    for (let t = 0; ;) {
      t += (-Math.log(1 - random()) / rate) * 1000;
      if (t >= s.durationSeconds * 1000) break;
      arrivals.push({ at: t0 + t, kind });
    }
  }
  if (s.schoolOverviewEverySeconds) {
    for (let t = 1000; t < s.durationSeconds * 1000; t += s.schoolOverviewEverySeconds * 1000)
      arrivals.push({ at: t0 + t, kind: 'schoolOverview' });
  }
  arrivals.sort((a, b) => a.at - b.at);

  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < arrivals.length && arrivals[i]!.at <= now) {
        const a = arrivals[i++]!;
        lag.push(now - a.at);
        fire[a.kind](a.at);
      }
      if (i >= arrivals.length) {
        resolve();
        return;
      }
      setTimeout(tick, Math.max(0, Math.min(2, arrivals[i]!.at - performance.now())));
    };
    setTimeout(tick, Math.max(0, t0 - performance.now()));
  });
  // Let the last requests finish (or time out).
  const deadline = performance.now() + s.timeoutMs + 1000;
  while (pending > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));

  const kinds: OpenLoopResult['kinds'] = {};
  for (const [kind, list] of samples) kinds[kind] = summarise(list);
  const saves = samples.get('autosave') ?? [];
  const near = saves.filter((x) => overviewSentAt.some((o) => x.at >= o && x.at < o + 2000));
  const away = saves.filter((x) => !overviewSentAt.some((o) => x.at >= o && x.at < o + 2000));
  const out: OpenLoopResult = {
    kinds,
    autosaveNearOverview: overviewSentAt.length && near.length ? summarise(near) : null,
    autosaveAwayFromOverview: overviewSentAt.length && away.length ? summarise(away) : null,
    sent,
    skippedAutosaves: skipped,
    sendLagP99: quantile(
      lag.sort((a, b) => a - b),
      0.99,
    ),
    slowestPerSecond: Array.from({ length: s.durationSeconds }, (_, sec) =>
      Math.round(
        Math.max(
          0,
          ...[...samples.values()]
            .flat()
            .filter((x) => x.at - t0 >= sec * 1000 && x.at - t0 < (sec + 1) * 1000)
            .map((x) => x.ms),
        ),
      ),
    ),
  };
  agent.destroy();
  console.log(JSON.stringify(out));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
