import type { Reporter, TestModule } from 'vitest/node';

/**
 * A run without a browser must not look like a run with one: when browser suites were skipped
 * (no Chromium on this machine), say how many and why on the last line. In CI a missing browser
 * fails earlier (`test/ensure-chromium.mjs`).
 */
export default class BrowserSkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let skipped = 0;
    for (const mod of testModules) {
      if (!mod.moduleId.includes('/test/e2e/')) continue;
      for (const test of mod.children.allTests()) if (test.result().state === 'skipped') skipped++;
    }
    if (skipped === 0) return;
    const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    console.log(
      `\n⚠ ${skipped} browser tests were SKIPPED: no Chromium at ${browser}. Install it with: sudo apt-get install -y chromium\n`,
    );
  }
}
