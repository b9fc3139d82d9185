import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Three projects, named for what they run (`npm run test:api`, `test:extension`, `test:browser`):
 * - api: shared rules, the API against real libSQL files and processes, workerd, the security
 *   and wording suites — no browser;
 * - extension: extension modules against WXT's fake browser storage and runtime;
 * - browser: the built extension in Debian's Chromium (`test/e2e/`).
 * `npm run test:soak` adds the minutes-long crash and fuzz runs.
 */
export default defineConfig({
  test: {
    testTimeout: 20_000,
    reporters: ['default', './test/browser-skip-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'api',
          include: [
            'shared/**/*.test.ts',
            'worker/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/wording/**/*.test.ts',
            'test/workerd/**/*.test.ts',
            'test/security/**/*.test.ts',
            'extension/locales.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/global-setup.ts'] },
      },
      {
        // Extension modules run against WXT's fake browser (storage, runtime) in memory.
        extends: true,
        plugins: [WxtVitest()],
        test: { name: 'extension', include: ['extension/**/*.test.ts'], exclude: ['extension/locales.test.ts'] },
      },
      // Minutes, not seconds: only `npm run test:soak` (which CI runs too) sets IUP_SOAK.
      ...(process.env.IUP_SOAK
        ? [
            {
              extends: true as const,
              test: {
                name: 'soak',
                include: ['test/soak/**/*.test.ts', 'test/security/fuzz.test.ts'],
                testTimeout: 600_000,
              },
            },
          ]
        : []),
    ],
  },
});
