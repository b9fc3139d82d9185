/**
 * TEST DOUBLE — not for production. A minimal Hrana-over-HTTP (protocol v2, JSON) server backed
 * by the embedded libSQL engine, so tests can run the Workers build against "remote" libSQL on
 * this machine, where no sqld is available. It implements what @libsql/client/web uses:
 * `execute`, `batch` (with conditions), `sequence`, `store_sql`/`close_sql`, `get_autocommit` and
 * `close`, with one SQLite connection per stream (baton) so interactive transactions behave as on sqld.
 */
import { createServer, type Server } from 'node:http';
import Database from 'libsql';

type Value =
  | { type: 'null' }
  | { type: 'integer'; value: string }
  | { type: 'float'; value: number }
  | { type: 'text'; value: string }
  | { type: 'blob'; base64: string };
interface Stmt {
  sql?: string;
  sql_id?: number;
  args?: Value[];
  named_args?: { name: string; value: Value }[];
  want_rows?: boolean;
}
type Cond =
  | { type: 'ok' | 'error'; step: number }
  | { type: 'not'; cond: Cond }
  | { type: 'and' | 'or'; conds: Cond[] }
  | { type: 'is_autocommit' };
type Conn = InstanceType<typeof Database>;
interface Stream {
  db: Conn;
  sqls: Map<number, string>;
}

const decode = (v: Value): unknown =>
  v.type === 'null'
    ? null
    : v.type === 'integer'
      ? BigInt(v.value)
      : v.type === 'float'
        ? v.value
        : v.type === 'text'
          ? v.value
          : Buffer.from(v.base64, 'base64');

function encode(v: unknown): Value {
  if (v === null || v === undefined) return { type: 'null' };
  if (typeof v === 'bigint') return { type: 'integer', value: v.toString() };
  if (typeof v === 'number')
    return Number.isInteger(v) ? { type: 'integer', value: String(v) } : { type: 'float', value: v };
  if (typeof v === 'string') return { type: 'text', value: v };
  if (v instanceof Uint8Array) return { type: 'blob', base64: Buffer.from(v).toString('base64') };
  throw new Error(`cannot encode ${typeof v}`);
}

function execute(stream: Stream, stmt: Stmt) {
  const db = stream.db;
  const text = stmt.sql ?? (stmt.sql_id !== undefined ? stream.sqls.get(stmt.sql_id) : undefined);
  if (text === undefined) throw new Error(`unknown sql_id ${stmt.sql_id}`);
  const prepared = db.prepare(text);
  const named = Object.fromEntries((stmt.named_args ?? []).map((a) => [a.name.replace(/^[:@$]/, ''), decode(a.value)]));
  const args = stmt.named_args?.length ? [named] : (stmt.args ?? []).map(decode);
  if (prepared.reader) {
    prepared.safeIntegers(true);
    const cols = prepared
      .columns()
      .map((c: { name: string; type: string | null }) => ({ name: c.name, decltype: c.type }));
    const rows = (prepared.raw(true).all(...args) as unknown[][]).map((r) => r.map(encode));
    return { cols, rows, affected_row_count: 0, last_insert_rowid: null };
  }
  const info = prepared.run(...args);
  return { cols: [], rows: [], affected_row_count: info.changes, last_insert_rowid: String(info.lastInsertRowid) };
}

const errorOf = (e: unknown) => ({
  message: e instanceof Error ? e.message : String(e),
  code: (e as { code?: string }).code ?? 'SQLITE_ERROR',
});

function evalCond(c: Cond | undefined, results: unknown[], errors: unknown[], db: Conn): boolean {
  if (!c) return true;
  switch (c.type) {
    case 'ok':
      return results[c.step] != null;
    case 'error':
      return errors[c.step] != null;
    case 'not':
      return !evalCond(c.cond, results, errors, db);
    case 'and':
      return c.conds.every((x) => evalCond(x, results, errors, db));
    case 'or':
      return c.conds.some((x) => evalCond(x, results, errors, db));
    case 'is_autocommit':
      return !db.inTransaction;
  }
}

export interface HranaTestServer {
  url: string;
  close: () => Promise<void>;
  requests: () => number;
}

export async function startHranaTestServer(path: string): Promise<HranaTestServer> {
  const streams = new Map<string, Stream>();
  let count = 0;
  const open = (): Stream => {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    return { db, sqls: new Map() };
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      count++;
      const send = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (req.method === 'GET' && req.url === '/v2') return send(200, {});
      if (req.method !== 'POST' || req.url !== '/v2/pipeline') return send(404, { message: 'not found' });
      const { baton, requests } = JSON.parse(body) as {
        baton: string | null;
        requests: {
          type: string;
          stmt?: Stmt;
          batch?: { steps: { condition?: Cond; stmt: Stmt }[] };
          sql?: string;
          sql_id?: number;
        }[];
      };
      const stream = baton ? streams.get(baton) : open();
      if (!stream) return send(400, { message: 'unknown baton' });
      if (baton) streams.delete(baton);
      let closed = false;
      const results = requests.map((r) => {
        try {
          switch (r.type) {
            case 'execute':
              return { type: 'ok', response: { type: 'execute', result: execute(stream, r.stmt!) } };
            case 'sequence':
              stream.db.exec(r.sql ?? stream.sqls.get(r.sql_id!) ?? '');
              return { type: 'ok', response: { type: 'sequence' } };
            case 'store_sql':
              stream.sqls.set(r.sql_id!, r.sql!);
              return { type: 'ok', response: { type: 'store_sql' } };
            case 'close_sql':
              stream.sqls.delete(r.sql_id!);
              return { type: 'ok', response: { type: 'close_sql' } };
            case 'get_autocommit':
              return { type: 'ok', response: { type: 'get_autocommit', is_autocommit: !stream.db.inTransaction } };
            case 'close':
              closed = true;
              return { type: 'ok', response: { type: 'close' } };
            case 'batch': {
              const stepResults: unknown[] = [];
              const stepErrors: unknown[] = [];
              r.batch!.steps.forEach((s, i) => {
                stepResults[i] = null;
                stepErrors[i] = null;
                if (!evalCond(s.condition, stepResults, stepErrors, stream.db)) return;
                try {
                  stepResults[i] = execute(stream, s.stmt);
                } catch (e) {
                  stepErrors[i] = errorOf(e);
                }
              });
              return {
                type: 'ok',
                response: { type: 'batch', result: { step_results: stepResults, step_errors: stepErrors } },
              };
            }
            default:
              return { type: 'error', error: { message: `unsupported request ${r.type}`, code: 'UNSUPPORTED' } };
          }
        } catch (e) {
          return { type: 'error', error: errorOf(e) };
        }
      });
      let next: string | null = null;
      if (closed) stream.db.close();
      else {
        next = crypto.randomUUID();
        streams.set(next, stream);
      }
      send(200, { baton: next, base_url: null, results });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise((resolve) => {
        for (const s of streams.values()) s.db.close();
        server.close(() => resolve());
      }),
  };
}
