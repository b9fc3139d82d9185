import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApi, type DemoApi } from './demo-api';
import {
  E2E_OUT,
  activateSite,
  chromiumAvailable,
  insertViaPalette,
  launchWithExtension,
  openPaletteByShortcut,
  servePages,
  type ExtensionBrowser,
} from './harness';

let browser: ExtensionBrowser;
let pages: { url: string; server: Server };
let api: DemoApi;
let apiUrl: string;
let token: string;

beforeAll(async () => {
  // The real API on a libSQL file, with the demo school.
  api = await startDemoApi();
  apiUrl = api.url;
  token = api.seeded.teacherToken;
  pages = await servePages(join(import.meta.dirname, 'pages'));
  browser = await launchWithExtension(E2E_OUT);
  await activateSite(browser.worker, [pages.url]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  pages?.server.close();
  await api?.close();
});

const extensionId = () => new URL(browser.worker.url()).host;

describe.skipIf(!chromiumAvailable())('options, sync and palette against the real API', () => {
  it('refuses a wrong token with a clear message and saves nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${extensionId()}/options.html`);
    await page.fill('#api-url', apiUrl);
    await page.fill('#token', 'iup_wrong');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[role=status]')).toContain('godtog inte nyckeln');
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('settings'));
    expect(stored.settings).toBeUndefined();
    await page.fill('#api-url', 'ftp://nope');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('[role=status]')).toContain('https://');
    await page.close();
  });

  it('connects with the right token, syncs the team’s phrases, and inserts one from the palette', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${extensionId()}/options.html`);
    await page.fill('#api-url', `${apiUrl}/`);
    await page.fill('#token', token);
    await page.click('button[type=submit]');
    await expect
      .poll(() => page.textContent('[role=status]'))
      .toContain('Ansluten som Karin Mentorsson, Demoskolan Sjöängen.');
    // After "Ansluten": the three next steps, with the two shortcuts as the browser has them.
    const steps = await page.locator('.next-steps li').allTextContents();
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain('lärplattform');
    expect(steps[1]).toContain('Aktivera på den här webbplatsen');
    const keys = await page.evaluate(async () =>
      Object.fromEntries((await chrome.commands.getAll()).map((c) => [c.name, c.shortcut ?? ''])),
    );
    for (const name of ['open-palette', 'open-panel'])
      expect(steps[2]).toContain(keys[name] || '(inget kortkommando valt)');
    // Saving the settings starts a sync in the background.
    await expect
      .poll(
        async () => {
          const { phraseCache } = await browser.worker.evaluate(() => chrome.storage.local.get('phraseCache'));
          return (phraseCache as { phrases: unknown[] } | undefined)?.phrases.length ?? 0;
        },
        { timeout: 10_000 },
      )
      .toBe(7);
    // The school publishes its LMS origins; the sync keeps them for the popup to offer.
    await expect
      .poll(async () => (await browser.worker.evaluate(() => chrome.storage.local.get('schoolOrigins'))).schoolOrigins)
      .toEqual(['http://127.0.0.1:8787', 'http://localhost:8787']);
    await page.goto(`chrome-extension://${extensionId()}/popup.html`);
    await expect.poll(() => page.textContent('main')).toContain('Skolans lärplattformar');
    // Dates in the UI language: "Synkat: 5 dec. 2026 08:16", never "12/5/2026, 8:16 AM".
    await expect.poll(() => page.textContent('main')).toMatch(/\d{1,2} [a-zåäö]+\.? \d{4},? \d{2}[:.]\d{2}/);
    expect(await page.textContent('main')).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4}|AM|PM/);
    expect(await page.textContent('main')).toContain('http://localhost:8787');
    await page.close();

    const lms = await browser.context.newPage();
    await lms.goto(`${pages.url}/plain.html?sync=1`);
    await lms.click('#ta');
    await insertViaPalette(browser.worker, lms, 'huvudräkn');
    expect(await lms.inputValue('#ta')).toBe(
      '{namn} använder huvudräkning och skriftliga räknemetoder med god säkerhet.',
    );
    await lms.close();

    // Placeholders: choose a pupil (keyboard only), and the phrase is filled with her name and pronoun.
    const lms2 = await browser.context.newPage();
    await lms2.goto(`${pages.url}/plain.html?sync=2`);
    await lms2.click('#ta');
    await openPaletteByShortcut(browser.worker, lms2);
    await lms2.keyboard.press('Shift+Tab');
    await lms2.keyboard.type('Alva', { delay: 20 });
    // The pupil combobox: Enter picks the match and puts focus back in the phrase search.
    await lms2.keyboard.press('Enter');
    await lms2.keyboard.type('resonemang löst', { delay: 10 });
    await lms2.keyboard.press('Enter');
    await expect
      .poll(() => lms2.inputValue('#ta'))
      .toBe('Alva kan föra enkla resonemang om hur hon har löst en uppgift.');
    await lms2.close();

    // The use is counted locally and reported to the API on the next sync.
    await browser.worker.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-now' }).catch(() => undefined));
    await expect
      .poll(
        async () => {
          const res = await fetch(`${apiUrl}/v1/phrases`, { headers: { authorization: `Bearer ${token}` } });
          const body = (await res.json()) as { phrases: { text: string; usageCount: number }[] };
          return body.phrases.find((p) => p.text.includes('huvudräkning'))?.usageCount;
        },
        { timeout: 10_000 },
      )
      .toBe(1);
  });
});
