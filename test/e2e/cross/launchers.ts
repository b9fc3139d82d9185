import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from '../harness';

/**
 * One harness, two launchers: the same suite files drive Debian's Chromium and Firefox ESR through
 * puppeteer-core (CDP for Chromium, WebDriver BiDi for Firefox), each with the extension's test
 * build. What the automation cannot do, and what stands in for it:
 * - extension shortcuts typed through BiDi never reach Firefox's commands API: the palette is
 *   opened with its "Aa" button, the panel with the message the popup's button sends;
 * - Firefox opens moz-extension pages only with `--remote-allow-system-access`, and its
 *   navigation to them never reports "loaded": pages are opened and then waited for by content;
 * - a permission prompt cannot be clicked: Chromium's build pre-grants 127.0.0.1 (the request then
 *   answers at once), Firefox's does not and runs with optional-permission prompts off, so the
 *   popup's "Aktivera" goes through the real request there.
 */
export type BrowserName = 'chromium' | 'firefox';

export const BROWSER_PATHS: Record<BrowserName, string> = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};
export const browserAvailable = (name: BrowserName) => existsSync(BROWSER_PATHS[name]);

export const E2E_BUILDS: Record<BrowserName, string> = {
  chromium: join(ROOT, '.output', 'e2e', 'chrome-mv3'),
  firefox: join(ROOT, '.output', 'e2e', 'firefox-mv3'),
};

/** The moz-extension uuid the Firefox profile gives the add-on (otherwise random per profile). */
const FIREFOX_UUID = '6a1c1e2b-5d3f-4e7a-9b2c-1d0e3f4a5b6c';
const GECKO_ID = 'iup-stod@iup-stod.se';

export interface XBrowser {
  name: BrowserName;
  browser: Browser;
  /** chrome-extension://<id> or moz-extension://<uuid> */
  base: string;
  /** Messages of type error, and uncaught exceptions, from every page opened with `page()`. */
  errors: string[];
  page(): Promise<Page>;
  /** An extension page (popup.html, options.html …), its script running. */
  extensionPage(path: string): Promise<Page>;
  /** Run `fn` in the extension (Chromium: the service worker; Firefox: an extension page), with its storage and tabs. */
  inExtension<T, A>(fn: (arg: A) => Promise<T>, arg: A): Promise<T>;
  close(): Promise<void>;
}

const COMMON_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export async function launch(name: BrowserName): Promise<XBrowser> {
  const profile = mkdtempSync(join(tmpdir(), `iup-${name}-`));
  const errors: string[] = [];
  let browser: Browser;
  let base: string;
  let inWorker: (<T, A>(fn: (arg: A) => Promise<T>, arg: A) => Promise<T>) | null = null;
  if (name === 'chromium') {
    browser = await puppeteer.launch({
      executablePath: BROWSER_PATHS.chromium,
      headless: true,
      userDataDir: profile,
      args: [
        ...COMMON_CHROMIUM_ARGS,
        `--disable-extensions-except=${E2E_BUILDS.chromium}`,
        `--load-extension=${E2E_BUILDS.chromium}`,
      ],
    });
    const isOurs = (t: { type(): string; url(): string }) =>
      t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');
    const target = await browser.waitForTarget(isOurs);
    base = `chrome-extension://${new URL(target.url()).host}`;
    // Chromium's service worker is the background itself; asking it needs no page (a helper tab
    // would push the page under test into the background, where headless Chromium stops drawing).
    inWorker = async (fn, arg) => {
      const worker = await (await browser.waitForTarget(isOurs)).worker();
      if (!worker) throw new Error('the background service worker is not running');
      return worker.evaluate(fn as (a: unknown) => Promise<never>, arg as never);
    };
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: BROWSER_PATHS.firefox,
      headless: true,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    await browser.installExtension(E2E_BUILDS.firefox);
    base = `moz-extension://${FIREFOX_UUID}`;
  }

  const page = async () => {
    const p = await browser.newPage();
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${m.text()} (${p.url()})`);
    });
    p.on('pageerror', (e) => errors.push(`${String(e)} (${p.url()})`));
    return p;
  };
  const extensionPage = async (path: string) => {
    const p = await page();
    // Firefox never reports the load of a moz-extension page over BiDi; wait for its content.
    await p
      .goto(`${base}/${path}`, { waitUntil: 'domcontentloaded', timeout: name === 'firefox' ? 3000 : 15_000 })
      .catch(() => undefined);
    await p.waitForSelector('main, body > *', { timeout: 15_000 });
    return p;
  };
  let helper: Page | null = null;
  return {
    name,
    browser,
    base,
    errors,
    page,
    extensionPage,
    async inExtension(fn, arg) {
      if (inWorker) return inWorker(fn, arg);
      helper ??= await extensionPage('popup.html');
      return helper.evaluate(fn as (a: unknown) => Promise<never>, arg as never);
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
