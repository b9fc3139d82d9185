import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'worker/**/*.test.ts', 'extension/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/wording/**/*.test.ts', 'test/workerd/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    testTimeout: 20_000,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
