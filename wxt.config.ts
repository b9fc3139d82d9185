import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'wxt';

/**
 * One source for Chrome/Edge and Firefox, both Manifest V3 (Firefox ≥ 140 ESR: optional host
 * permissions and the scripting API that site activation needs). Nothing is collected by the
 * extension's makers; text goes only to the school's own server that the teacher configures. No host access at install: each LMS origin is granted at runtime.
 * `IUP_E2E_HOSTS` (tests only) pre-grants hosts, because a browser permission prompt cannot be
 * clicked by an automated test.
 */
const e2eHosts = process.env.IUP_E2E_HOSTS?.split(',').filter(Boolean) ?? [];
/** The browser-test build (`IUP_E2E=1`, or hosts to pre-grant): open shadow roots, its own output folder. */
const e2e = process.env.IUP_E2E === '1' || e2eHosts.length > 0;

/**
 * Each overlay feature with a heavy UI keeps it in `extension/features/<name>/ui.ts(x)`; it is
 * built as the unlisted script `/ui-<name>.js` and injected on first use. Found from the folders,
 * so deleting a feature's folder leaves nothing pointing at it.
 */
const featuresDir = resolve('extension/features');
const lazyUis = readdirSync(featuresDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => ['ui.ts', 'ui.tsx'].map((f) => ({ name: d.name, inputPath: join(featuresDir, d.name, f) })))
  .filter((u) => existsSync(u.inputPath));

export default defineConfig({
  srcDir: 'extension',
  outDir: e2e ? '.output/e2e' : '.output',
  publicDir: 'extension/public',
  // Explicit imports keep extension code readable next to worker/ and shared/, which have no auto-imports.
  imports: false,
  // `wxt/browser` becomes webextension-polyfill's promise-based `browser`, the same in Chrome and Firefox.
  modules: ['@wxt-dev/webextension-polyfill'],
  // The test build opens the overlay's shadow roots so browser tests can read and click inside
  // them; the shipped build keeps them closed to the page.
  vite: () => ({
    define: {
      __IUP_OPEN_SHADOW__: JSON.stringify(e2e),
      // The browser tests start a fresh profile for every suite: an options tab at each start
      // would be one more page in every test's browser.
      __IUP_OPTIONS_ON_INSTALL__: JSON.stringify(!e2e),
      __IUP_LAZY_UIS__: JSON.stringify(lazyUis.map((u) => u.name)),
    },
  }),
  hooks: {
    'entrypoints:found': (_wxt, infos) => {
      for (const u of lazyUis) infos.push({ name: `ui-${u.name}`, inputPath: u.inputPath, type: 'unlisted-script' });
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'sv',
    // clipboardWrite: when an insertion cannot be confirmed, the text goes to the clipboard even
    // if the page's frame is not focused (write only; the extension never reads the clipboard).
    permissions: ['storage', 'scripting', 'alarms', 'activeTab', 'contextMenus', 'clipboardWrite'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(e2eHosts.length ? { host_permissions: e2eHosts } : {}),
    commands: {
      'open-palette': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandOpenPalette__' },
      'open-panel': { suggested_key: { default: 'Alt+Shift+I' }, description: '__MSG_commandOpenPanel__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'iup-stod@iup-stod.se',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
