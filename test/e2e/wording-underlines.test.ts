import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  E2E_OUT,
  ROOT,
  activateSite,
  chromiumAvailable,
  insertViaPalette,
  launchWithExtension,
  seedPhrases,
  servePages,
  type ExtensionBrowser,
} from './harness';

// An approved phrase long enough to be "a whole omdöme", with no next step in it.
const LONG_PHRASE =
  '{namn} läser kapitelböcker med flyt och kan återberätta handlingen med egna ord och med exempel ur texten.';
let browser: ExtensionBrowser;
let pages: { url: string; server: Server };
let opened = 0;

beforeAll(async () => {
  pages = await servePages(join(import.meta.dirname, 'pages'));
  browser = await launchWithExtension(E2E_OUT);
  await seedPhrases(browser.worker, [{ id: 'w1', text: LONG_PHRASE, subject: 'SV' }]);
  await activateSite(browser.worker, [pages.url]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  pages?.server.close();
});

async function openPage(file: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${pages.url}/${file}?page=${++opened}`);
  return page;
}

type Box = { left: number; right: number; top: number; bottom: number; width: number };
/** The underlines the overlay drew (the e2e build's shadow roots are open). */
const marks = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('iup-stod-wording')?.shadowRoot;
    return [...(root?.querySelectorAll<HTMLElement>('.mark') ?? [])].map((m) => {
      const r = m.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width } satisfies Box;
    });
  });
const tipText = (page: Page) =>
  page.evaluate(() => {
    const tip = document.querySelector('iup-stod-wording')?.shadowRoot?.querySelector<HTMLElement>('.tip');
    return tip && !tip.hidden ? tip.textContent : null;
  });
const waitForMarks = (page: Page, n: number) =>
  expect.poll(async () => (await marks(page)).length, { timeout: 5000 }).toBeGreaterThanOrEqual(n);

describe.skipIf(!chromiumAvailable())(
  'wording tips underlined where the teacher writes (Chromium, built extension)',
  () => {
    it('textarea: the underline sits under the flagged word, hover explains it, one click swaps it, Ctrl+Z undoes the swap', async () => {
      const page = await openPage('plain.html');
      await page.click('#ta');
      const text = 'Han glömmer alltid läxan men läser med flyt.';
      await page.keyboard.type(text, { delay: 5 });
      await waitForMarks(page, 1);
      const [mark] = await marks(page);
      // Measured independently: the word's width in the textarea's own font, and the box of the field.
      const expected = await page.evaluate(() => {
        const ta = document.getElementById('ta') as HTMLTextAreaElement;
        const style = getComputedStyle(ta);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const r = ta.getBoundingClientRect();
        return {
          word: ctx.measureText('alltid').width,
          before: ctx.measureText('Han glömmer ').width,
          left: r.left + ta.clientLeft + parseFloat(style.paddingLeft),
          top: r.top,
          bottom: r.bottom,
        };
      });
      expect(Math.abs(mark!.width - expected.word)).toBeLessThan(2);
      expect(Math.abs(mark!.left - (expected.left + expected.before))).toBeLessThan(2);
      expect(mark!.top).toBeGreaterThan(expected.top);
      expect(mark!.bottom).toBeLessThan(expected.bottom);
      // The page's own text and DOM are untouched by the check.
      expect(await page.inputValue('#ta')).toBe(text);

      await page.mouse.move(mark!.left + mark!.width / 2, mark!.top - 6);
      await expect.poll(() => tipText(page)).toContain('Ett absolut ord stämmer sällan');
      await page.click('iup-stod-wording >> .tip >> button.replace');
      await expect.poll(() => page.inputValue('#ta')).toBe('Han glömmer ofta läxan men läser med flyt.');
      // The swap went through the browser's editing path: one Ctrl+Z takes it back.
      await page.focus('#ta');
      await page.keyboard.press('Control+z');
      await expect.poll(() => page.inputValue('#ta')).toBe(text);
      await page.close();
    });

    it('Quill: the underline matches the word’s own box, follows scrolling, and the swap lands in Quill’s model', async () => {
      const page = await openPage('quill.html');
      await page.waitForFunction(() => (window as any).modelText !== undefined);
      await page.click('#editor .ql-editor');
      await page.keyboard.type('Hon läser med flyt.', { delay: 5 });
      await page.keyboard.press('Enter');
      await page.keyboard.type('Hon glömmer alltid läsläxan hemma.', { delay: 5 });
      await waitForMarks(page, 1);
      const wordBox = () =>
        page.evaluate(() => {
          const p = document.querySelectorAll('.ql-editor p')[1]!;
          const node = p.firstChild as Text;
          const at = node.data.indexOf('alltid');
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 'alltid'.length);
          const r = range.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
        });
      const word = await wordBox();
      const [mark] = await marks(page);
      expect(Math.abs(mark!.left - word.left)).toBeLessThan(1);
      expect(Math.abs(mark!.width - word.width)).toBeLessThan(1);
      expect(Math.abs(mark!.bottom - word.bottom)).toBeLessThan(4);
      // The page scrolls: the underline moves with the word.
      await page.evaluate(() => {
        document.body.style.paddingBottom = '2000px';
        window.scrollBy(0, 40);
      });
      await expect
        .poll(async () => {
          const [m] = await marks(page);
          const w = await wordBox();
          return m ? Math.abs(m.left - w.left) + Math.abs(m.bottom - w.bottom) : 99;
        })
        .toBeLessThan(4);
      const [moved] = await marks(page);
      await page.mouse.move(moved!.left + moved!.width / 2, moved!.top - 6);
      await expect.poll(() => tipText(page)).toContain('ofta');
      await page.screenshot({
        path: join(
          ROOT,
          process.env.UPDATE_SCREENSHOTS ? 'test/e2e/screenshots' : 'test-results',
          'wording-underline.png',
        ),
      });
      await page.click('iup-stod-wording >> .tip >> button.replace');
      await expect
        .poll(() => page.evaluate(() => (window as any).modelText() as string))
        .toBe('Hon läser med flyt.\nHon glömmer ofta läsläxan hemma.');
      await page.close();
    });

    it('keyboard: the tips open from their button, Tab reaches each tip and its swap, Enter swaps', async () => {
      const page = await openPage('plain.html');
      await page.click('#ta');
      await page.keyboard.type('Han räcker aldrig upp handen på lektionerna.', { delay: 5 });
      await waitForMarks(page, 1);
      await page.locator('iup-stod-wording >> button.pill').focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await expect.poll(() => tipText(page)).toContain('aldrig');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.inputValue('#ta')).toBe('Han räcker sällan upp handen på lektionerna.');
      await page.close();
    });

    it('does not ask for a next step when the field holds only the team’s approved phrase', async () => {
      const page = await openPage('plain.html');
      await page.click('#ta');
      await insertViaPalette(browser.worker, page, 'kapitelböcker');
      await expect.poll(() => page.inputValue('#ta')).toContain('läser kapitelböcker med flyt');
      // Longer than the tips' pause in typing: nothing shows.
      await page.waitForTimeout(1500);
      expect(await page.locator('iup-stod-wording').count()).toBe(0);
      // Her own words without a next step: now the tip is fair.
      await page.keyboard.type(' Hon skriver berättelser med början och slut och använder punkt.', { delay: 5 });
      await expect.poll(() => page.locator('iup-stod-wording').count(), { timeout: 5000 }).toBe(1);
      await page.close();
    });
    it('the opened tips box is drawn above the field’s Aa button, never under it', async () => {
      const page = await openPage('plain.html');
      await page.click('#in');
      await page.keyboard.type('Han glömmer alltid läxan och är slarvig.', { delay: 5 });
      await waitForMarks(page, 1);
      // Opened with the mouse, so the field keeps focus and its Aa button stays.
      await page.click('iup-stod-wording >> button.pill');
      // Whatever the layout, the opened box is stacked above the Aa button (they may meet over a short field).
      const z = await page.evaluate(() => {
        const hints = document.querySelector('iup-stod-wording')!.shadowRoot!.querySelector('.hints')!;
        const aa = document.querySelector('iup-stod-open-button')!.shadowRoot!.querySelector('.open-button')!;
        return { hints: Number(getComputedStyle(hints).zIndex), aa: Number(getComputedStyle(aa).zIndex) };
      });
      expect(z.hints).toBeGreaterThan(z.aa);
      // And it opens inside the window, above or below the field as there is room.
      const box = (await page.locator('iup-stod-wording >> .panel').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      await page.close();
    });
  },
);
