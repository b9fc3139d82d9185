import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { browserAvailable } from './cross/launchers';
import { buildE2eExtension, bundleEditors, chromiumAvailable, ROOT } from './harness';

/** Build the e2e extensions and the editor pages once, before any test file runs in parallel. */
export default async function setup(): Promise<void> {
  if (chromiumAvailable()) buildE2eExtension();
  // Firefox's test build pre-grants nothing: its popup goes through the real permission request.
  if (browserAvailable('firefox'))
    execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox', '--mv3'], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, IUP_E2E: '1', IUP_E2E_HOSTS: '' },
    });
  if (chromiumAvailable() || browserAvailable('firefox')) await bundleEditors();
}
