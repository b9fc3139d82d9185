import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  E2E_OUT,
  activateSite,
  chromiumAvailable,
  insertViaPalette,
  launchWithExtension,
  openPaletteByShortcut,
  overlayReady,
  seedPhrases,
  servePages,
  type ExtensionBrowser,
} from './harness';

const PHRASE = '{namn} läser med flyt och återberättar det viktigaste.';
let browser: ExtensionBrowser;
let pages: { url: string; server: Server };

beforeAll(async () => {
  const dir = E2E_OUT;
  pages = await servePages(join(import.meta.dirname, 'pages'));
  browser = await launchWithExtension(dir);
  await seedPhrases(browser.worker, [
    { id: 'p1', text: PHRASE, subject: 'SV' },
    { id: 'p2', text: 'Räknar med tal i talområdet 0–100 med god säkerhet.', subject: 'MA' },
    { id: 'p3', text: '<img src=x onerror="window.pwned=1"> {namn} skriver.', subject: 'SV' },
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  pages?.server.close();
});

let opened = 0;
async function open(path: string, activate = true): Promise<Page> {
  if (activate) await activateSite(browser.worker, [pages.url]).catch(() => undefined);
  const page = await browser.context.newPage();
  await page.goto(`${pages.url}/${path}?page=${++opened}`);
  return page;
}

describe.skipIf(!chromiumAvailable())('overlay on plain fields (Chromium, built extension)', () => {
  it('inserts into a textarea at the caret, the page sees input events, and Ctrl+Z matches typing', async () => {
    const page = await open('plain.html');
    await page.click('#ta');
    await page.keyboard.type('Början. ');
    expect(await overlayReady(page)).toBe(true);
    await insertViaPalette(browser.worker, page, 'läser flyt');
    expect(await page.inputValue('#ta')).toBe(`Början. ${PHRASE}`);
    expect(await page.evaluate(() => (document.getElementById('ta') as HTMLTextAreaElement).selectionStart)).toBe(
      `Början. ${PHRASE}`.length,
    );
    expect(
      await page.evaluate(() => (window as any).seen.some(([id, t]: string[]) => id === 'ta' && t === 'insertText')),
    ).toBe(true);

    await page.keyboard.press('Control+z');
    const undone = await page.inputValue('#ta');

    // Control, on a fresh page (Chrome keeps one undo stack per frame): the same keystrokes, then
    // leaving the field and coming back (as the palette does), then the phrase as one text input.
    const control = await open('plain.html');
    await control.click('#ta');
    await control.keyboard.type('Början. ');
    await control.click('#in');
    await control.click('#ta');
    await control.keyboard.press('End');
    await control.keyboard.insertText(PHRASE);
    expect(await control.inputValue('#ta')).toBe(`Början. ${PHRASE}`);
    await control.keyboard.press('Control+z');
    expect(undone).toBe(await control.inputValue('#ta'));
    expect(undone).toBe('Början. ');
    await control.close();
    await page.close();
  });

  it('inserts into a text input and a contenteditable, restoring focus to the field', async () => {
    const page = await open('plain.html');
    await page.click('#in');
    await page.keyboard.type('Mål: ');
    await overlayReady(page);
    await insertViaPalette(browser.worker, page, 'rakn');
    expect(await page.inputValue('#in')).toBe('Mål: Räknar med tal i talområdet 0–100 med god säkerhet.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('in');

    await page.click('#ce');
    await page.keyboard.type('Hej ');
    await insertViaPalette(browser.worker, page, 'flyt');
    expect(await page.textContent('#ce')).toBe(`Hej ${PHRASE}`);
    await page.keyboard.type(' Slut.');
    expect(await page.textContent('#ce')).toBe(`Hej ${PHRASE} Slut.`);
    await page.close();
  });

  it('inserts phrase text as text, never as HTML', async () => {
    const page = await open('plain.html');
    await page.click('#ce');
    await overlayReady(page);
    await insertViaPalette(browser.worker, page, 'skriver');
    expect(await page.textContent('#ce')).toBe('<img src=x onerror="window.pwned=1"> {namn} skriver.');
    expect(await page.evaluate(() => document.querySelectorAll('#ce img').length)).toBe(0);
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
    await page.close();
  });

  it('Escape closes the palette and puts the caret back without changing the text', async () => {
    const page = await open('plain.html');
    await page.click('#ta');
    await page.keyboard.type('Abc');
    await page.keyboard.press('ArrowLeft');
    await overlayReady(page);
    await openPaletteByShortcut(browser.worker, page);
    await page.keyboard.type('flyt');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('iup-stod-palette') === null, undefined, { timeout: 5000 });
    await page.keyboard.type('X');
    expect(await page.inputValue('#ta')).toBe('AbXc');
    await page.close();
  });

  it('filters by subject with the keyboard', async () => {
    const page = await open('plain.html');
    await page.click('#ta');
    await overlayReady(page);
    await openPaletteByShortcut(browser.worker, page);
    // Subjects by name, not code.
    expect(
      await page.locator('iup-stod-palette >> .filters select').first().locator('option').allTextContents(),
    ).toEqual(['Alla ämnen', 'Matematik', 'Svenska']);
    // Tab from the search box to the subject filter, "M" picks Matematik, Shift+Tab back, Enter takes the first result.
    await page.keyboard.press('Tab');
    await page.keyboard.type('M');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('iup-stod-palette') === null, undefined, { timeout: 5000 });
    expect(await page.inputValue('#ta')).toBe('Räknar med tal i talområdet 0–100 med god säkerhet.');
    await page.close();
  });

  it('inserts into a field inside a same-origin iframe, with the palette in the top frame', async () => {
    const page = await open('iframe-host.html');
    const frame = (await (await page.waitForSelector('#form')).contentFrame())!;
    await frame.waitForSelector('#ta');
    await frame.click('#ta');
    await page.keyboard.type('Inne: ');
    await openPaletteByShortcut(browser.worker, page);
    // The palette is shown by the top document, not squeezed into the iframe.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('iup-stod-palette');
    expect(await frame.evaluate(() => document.querySelector('iup-stod-palette'))).toBeNull();
    await page.keyboard.type('läser flyt', { delay: 10 });
    await page.keyboard.press('Enter');
    await expect.poll(() => frame.inputValue('#ta')).toBe(`Inne: ${PHRASE}`);
    expect(
      await frame.evaluate(() => (window as any).seen.some(([id, t]: string[]) => id === 'ta' && t === 'insertText')),
    ).toBe(true);
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('ta');
    await page.close();
  });

  it('injects nothing on another port of an enabled host: the registration matches the host, the overlay checks the exact origin', async () => {
    const other = await servePages(join(import.meta.dirname, 'pages'));
    try {
      const page = await browser.context.newPage();
      await page.goto(`${other.url}/plain.html?page=${++opened}`);
      await page.click('#ta');
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => performance.getEntriesByName('iup-stod:overlay-ready').length)).toBe(0);
      expect(await page.evaluate(() => document.querySelectorAll('iup-stod-open-button').length)).toBe(0);
      await page.close();
    } finally {
      other.server.close();
    }
  });

  it('injects nothing on a site that is not enabled', async () => {
    // Same pages, another origin: localhost has not been granted or registered.
    const page = await browser.context.newPage();
    await page.goto(`${pages.url.replace('127.0.0.1', 'localhost')}/plain.html?page=${++opened}`);
    await page.click('#ta');
    await page.keyboard.type('Hej');
    await page.waitForTimeout(500);
    expect(
      await page.evaluate(
        () => [...document.querySelectorAll('*')].filter((e) => e.tagName.toLowerCase().startsWith('iup-stod')).length,
      ),
    ).toBe(0);
    expect(await page.evaluate(() => performance.getEntriesByName('iup-stod:overlay-ready').length)).toBe(0);
    const registered = await browser.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered.map((s) => s.matches)).toEqual([['http://127.0.0.1/*']]);
    await page.close();
  });

  it('survives hostile page CSS: the palette is visible and usable', async () => {
    const page = await open('hostile.html');
    await page.click('#ta');
    await overlayReady(page);
    await openPaletteByShortcut(browser.worker, page);
    const box = await page.locator('iup-stod-palette').evaluate((host) => {
      const r = host.getBoundingClientRect();
      return {
        w: window.innerWidth,
        h: window.innerHeight,
        display: getComputedStyle(host).display,
        r: [r.width, r.height],
      };
    });
    expect(box.display).not.toBe('none');
    await page.screenshot({ path: join(import.meta.dirname, '..', '..', 'test-results', 'hostile-css-palette.png') });
    await page.keyboard.type('flyt');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('iup-stod-palette') === null, undefined, { timeout: 5000 });
    expect(await page.inputValue('#ta')).toBe(PHRASE);
    await page.close();
  });

  it('the palette keeps focus while open (Tab wraps), and its focus ring has at least 3:1 contrast', async () => {
    const page = await open('plain.html');
    await page.click('#ta');
    await openPaletteByShortcut(browser.worker, page);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('iup-stod-palette');
    }
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('iup-stod-palette');
    }
    // The focused control's outline against the palette's white background (WCAG 2.2, 1.4.11).
    const contrast = await page.evaluate(() => {
      const root = document.querySelector('iup-stod-palette')!.shadowRoot!;
      const el = root.activeElement as HTMLElement;
      const [r, g, b] = getComputedStyle(el).outlineColor.match(/\d+/g)!.map(Number) as [number, number, number];
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      const l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      return { width: parseFloat(getComputedStyle(el).outlineWidth), ratio: 1.05 / (l + 0.05) };
    });
    expect(contrast.width).toBeGreaterThanOrEqual(2);
    expect(contrast.ratio).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('an own phrase (no approval) is in the palette, marked as own; a favourite comes first next time', async () => {
    await browser.worker.evaluate(async () =>
      chrome.storage.local.set({
        myPhrases: {
          phrases: [{ id: 'my:par', text: 'Arbetar gärna i par med en kamrat.', createdAt: '2026-12-01T00:00:00Z' }],
          favourites: [],
          codes: {},
        },
      }),
    );
    const page = await open('plain.html');
    await page.click('#ta');
    await openPaletteByShortcut(browser.worker, page);
    await page.keyboard.type('i par', { delay: 10 });
    const first = page.locator('iup-stod-palette >> [role=option]').first();
    await expect.poll(() => first.textContent()).toContain('Arbetar gärna i par med en kamrat.');
    expect(await first.textContent()).toContain('egen');
    // Favourite the team phrase about reading, then an empty search lists it first.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('läser flyt', { delay: 10 });
    await expect.poll(() => first.textContent()).toContain('läser med flyt');
    await page.click('iup-stod-palette >> button.favourite');
    await expect
      .poll(() =>
        browser.worker.evaluate(async () => {
          const { myPhrases } = await chrome.storage.local.get<{ myPhrases?: { favourites: string[] } }>('myPhrases');
          return myPhrases?.favourites ?? [];
        }),
      )
      .toEqual(['p1']);
    await page.keyboard.press('Escape');
    await openPaletteByShortcut(browser.worker, page);
    await expect.poll(() => first.textContent()).toContain('★');
    expect(await first.textContent()).toContain('läser med flyt');
    await page.keyboard.press('Escape');
    await browser.worker.evaluate(async () => chrome.storage.local.remove('myPhrases'));
    await page.close();
  });

  it('on the hostile-CSS page at 1366 and 1024 px, the Aa button and the wording tips are on top and never on each other', async () => {
    type Box = { x: number; y: number; width: number; height: number };
    const overlap = (a: Box, b: Box) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const width of [1366, 1024]) {
      const page = await open('hostile.html');
      await page.setViewportSize({ width, height: 768 });
      await page.click('#ta');
      await page.keyboard.type('Han glömmer alltid läxan och är slarvig med uppgifterna.', { delay: 2 });
      await page.waitForFunction(() => document.querySelector('iup-stod-wording') !== null, undefined, {
        timeout: 5000,
      });
      const aa = (await page.locator('iup-stod-open-button >> button').boundingBox())!;
      const pill = (await page.locator('iup-stod-wording >> button.pill').boundingBox())!;
      expect(overlap(aa, pill), `Aa on the tips at ${width}`).toBe(false);
      // What a click there reaches is the overlay, not the page's full-screen layer.
      for (const [box, host] of [
        [aa, 'iup-stod-open-button'],
        [pill, 'iup-stod-wording'],
      ] as const)
        expect(
          await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), {
            x: box.x + box.width / 2,
            y: box.y + box.height / 2,
          }),
        ).toBe(host);
      await page.close();
    }
  });

  it('keyboard: Tab from a text field reaches its Aa button, Enter opens the palette for that field, Tab then goes on', async () => {
    const page = await open('plain.html');
    await page.click('#ta');
    await page.keyboard.type('Början. ');
    expect(await overlayReady(page)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('iup-stod-open-button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.tagName.toLowerCase() === 'iup-stod-palette');
    await page.keyboard.type('läser flyt', { delay: 10 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.inputValue('#ta')).toBe(`Början. ${PHRASE}`);
    // From the button, Tab continues to the page's next field (and Shift+Tab back to this one).
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('iup-stod-open-button');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ta-control');
    await page.close();
  });
});
