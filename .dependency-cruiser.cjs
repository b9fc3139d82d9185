/**
 * The boundaries the code claims, checked (`npm run lint`, part of `npm test`):
 * - shared/ is pure: schemas and rules, no runtime, no I/O, no other package of ours;
 * - the extension and the API never import each other (tests may use both);
 * - only worker/repositories/ (and the db/ layer) write SQL;
 * - extension features stand alone: a feature imports shared modules, never another feature,
 *   and nothing shared imports a feature;
 * - nothing that runs in an LMS page reaches session storage (Firefox has none there).
 */
module.exports = {
  forbidden: [
    {
      name: 'shared-is-pure',
      comment: 'shared/ holds zod schemas and pure rules; papaparse only parses text',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^shared/', '^node_modules/(zod|papaparse)/'] },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'extension-not-worker',
      severity: 'error',
      from: { path: '^extension/', pathNot: '\\.test\\.ts$' },
      to: { path: '^worker/' },
    },
    {
      name: 'worker-not-extension',
      severity: 'error',
      from: { path: '^worker/' },
      to: { path: '^extension/' },
    },
    {
      name: 'only-repositories-write-sql',
      comment: 'routes, CLI and the rest ask a repository; the db/ layer opens, migrates and backs up the file',
      severity: 'error',
      from: { path: '^worker/', pathNot: ['^worker/(repositories|db)/', '\\.test\\.ts$', '^worker/testing/'] },
      to: { path: ['^node_modules/drizzle-orm/', '^worker/db/schema\\.ts$'] },
    },
    {
      name: 'features-never-import-features',
      severity: 'error',
      from: { path: '^extension/features/([^/]+)/' },
      to: { path: '^extension/features/[^/]+/', pathNot: '^extension/features/$1/' },
    },
    {
      name: 'shared-extension-modules-never-import-features',
      severity: 'error',
      from: { path: '^extension/(ui|components|messaging|sync|insert-text|background)/' },
      to: { path: '^extension/features/' },
    },
    {
      name: 'session-storage-not-in-pages',
      comment:
        'the overlay and its lazy UIs run as content scripts; WXT reads a session item as soon as its module loads, and content scripts may not',
      severity: 'error',
      from: { path: ['^extension/entrypoints/overlay\\.content\\.ts$', '^extension/features/'] },
      to: { path: '^extension/sync/session-items\\.ts$', reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: ['^\\.output/', '^\\.wxt/', '^test/e2e/pages/dist/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
