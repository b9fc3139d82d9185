import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'iup-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Start the Node entry exactly as `npm start` does (without the extension build) and collect its output. */
async function start(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/node.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'iup.db')}`, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + 20_000;
  while (!out.includes('listening on')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`API did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

describe('npm start (Node, embedded libSQL file)', () => {
  it('migrates, seeds the demo school once, prints a token that lists the demo pupils', async () => {
    const port = await freePort();
    const first = await start(port);
    const token = /teacher \(Karin, team lead\): (iup_\S+)/.exec(first.output())?.[1];
    expect(token).toBeDefined();
    const res = await fetch(`http://127.0.0.1:${port}/v1/pupils`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; pupils: { skolform: string; arskurs: number }[] };
    expect(body.total).toBe(30);
    expect(new Set(body.pupils.map((p) => p.arskurs))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    await stop(first.child);

    // Second start on the same file: no second demo school, the old token still works.
    const second = await start(port);
    expect(second.output()).not.toContain('Demo school created');
    const again = await fetch(`http://127.0.0.1:${port}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(200);
    await stop(second.child);
  }, 60_000);
});
