import type { Reporter, TestModule } from 'vitest/node';

/**
 * A run without a browser must not look like a run with one: when browser suites were skipped
 * (no Chromium or no Firefox ESR on this machine), say how many and why on the last line. In CI a
 * missing browser fails earlier (`test/ensure-browsers.mjs`).
 */
export default class BrowserSkipReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let skipped = 0;
    for (const mod of testModules) {
      if (!mod.moduleId.includes('/test/e2e/')) continue;
      for (const test of mod.children.allTests()) if (test.result().state === 'skipped') skipped++;
    }
    if (skipped === 0) return;
    const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
    console.log(
      `\n⚠ ${skipped} browser tests were SKIPPED: no Chromium at ${chromium} or no Firefox ESR at ${firefox}. Install them with: sudo apt-get install -y chromium firefox-esr\n`,
    );
  }
}
