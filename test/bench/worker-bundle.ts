import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './deadlines';

const ROOT = join(import.meta.dirname, '..', '..');

/** Bundle as `wrangler deploy` does, without uploading; gzipped size of the JavaScript it would ship. */
function bundleKiB(extraArgs: string[]): number {
  const out = mkdtempSync(join(tmpdir(), 'iup-bundle-'));
  try {
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', out, ...extraArgs],
      {
        cwd: ROOT,
        stdio: 'pipe',
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
      },
    );
    const js = readdirSync(out).filter((f) => f.endsWith('.js'));
    return js.reduce((sum, f) => sum + gzipSync(readFileSync(join(out, f))).length, 0) / 1024;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The API's Workers bundle beside a bare Hono app bundled the same way (the framework's floor). */
export function benchWorkerBundle(): BenchRow[] {
  const api = bundleKiB([]);
  const bare = bundleKiB(['test/bench/load/bare-worker.ts', '--name', 'bare']);
  return [
    {
      name: 'worker bundle for workerd (wrangler, gzipped)',
      figure: 'size',
      value: api,
      unit: 'KiB',
      baseline: 'bare Hono app',
      ratio: api / bare,
      target: '≤ 1 MiB (Workers free plan: 3 MiB)',
      met: api <= 1024,
    },
    { name: 'baseline: bare Hono app bundle (gzipped)', figure: 'size', value: bare, unit: 'KiB' },
  ];
}
