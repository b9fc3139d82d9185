import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The house rules a tool can check (the formatter, Prettier, does layout): TypeScript's
 * type-aware recommendations — no floating promises, no unsafe `any` flowing on, no misused
 * promises in event handlers — over every package. Tests may use `any` for response bodies.
 */
export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.wxt/',
      '.wrangler/',
      'bench-results/',
      'test/e2e/pages/dist/',
      'worker/db/migrations/',
      '**/*.mjs',
      '**/*.cjs',
      'eslint.config.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      // Written for class instances; our "methods" are Preact props and plain objects with no `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Handlers that satisfy a Promise-returning signature need not await anything.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'test/**/*.tsx', 'worker/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // Rows read straight from libSQL are typed as any SQL value; tests know their columns.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  prettier,
);
