import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'api-and-browser',
          include: ['shared/**/*.test.ts', 'worker/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/wording/**/*.test.ts', 'test/workerd/**/*.test.ts', 'test/security/**/*.test.ts', 'test/e2e/**/*.test.ts', 'extension/locales.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
      {
        // Extension modules run against WXT's fake browser (storage, runtime) in memory.
        extends: true,
        plugins: [WxtVitest()],
        test: { name: 'extension', include: ['extension/**/*.test.ts'], exclude: ['extension/locales.test.ts'] },
      },
      // Minutes, not seconds: only `npm run test:soak` (which CI runs too) sets IUP_SOAK.
      ...(process.env.IUP_SOAK
        ? [{ extends: true as const, test: { name: 'soak', include: ['test/soak/**/*.test.ts', 'test/security/fuzz.test.ts'], testTimeout: 600_000 } }]
        : []),
    ],
  },
});
