import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';

const root = new URL('../..', import.meta.url).pathname;

export interface ApiProcess {
  child: ChildProcess;
  base: string;
  output: () => string;
  /** Demo tokens printed on the first start of a seeded database. */
  tokens: { teacher?: string; admin?: string };
}

/** The Node entry (`worker/node.ts`) as its own process on a database file, as `npm start` runs it. */
export async function startApi(
  dbFile: string,
  opts: { port?: number; env?: Record<string, string> } = {},
): Promise<ApiProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}`, PORT: String(opts.port ?? 0), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + 30_000;
  let port: number | null = null;
  while (port === null) {
    port = Number(/listening on http:\/\/[\d.]+:(\d+)/.exec(out)?.[1] ?? NaN) || null;
    if (port) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`API did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  // Tokens are printed right after the listening line.
  await new Promise((r) => setTimeout(r, 50));
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    output: () => out,
    tokens: {
      teacher: /teacher \(Karin, team lead\): (iup_\S+)/.exec(out)?.[1],
      admin: /admin\s+\(Per\):\s+(iup_\S+)/.exec(out)?.[1],
    },
  };
}

export const stopApi = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill(signal);
  });

/**
 * A request to the started API from a chosen loopback address (127.0.0.2, …): the server sees a
 * different client, as it would see another machine. Node's fetch cannot choose its source address.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers, localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
