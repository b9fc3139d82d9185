import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
let lead: string;
let member: string;
const NEW_PHRASE = '{namn} läser högt med inlevelse och tydligt uttal.';

beforeAll(async () => {
  api = await startDemoApi();
  apiUrl = api.url;
  lead = api.seeded.teacherToken;
  member = api.seeded.memberToken;
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

/** Sign the extension in as another teacher (what saving the options does) and wait for the sync. */
async function signInAs(token: string, expectedPhrases: number) {
  await browser.worker.evaluate(
    async (s) => {
      await chrome.storage.local.remove(['phraseCache', 'phraseUsage']);
      await chrome.storage.local.set({ settings: s });
    },
    { apiUrl, token, language: 'sv' },
  );
  await expect
    .poll(
      async () => {
        const { phraseCache } = await browser.worker.evaluate(() => chrome.storage.local.get('phraseCache'));
        return (
          (phraseCache as { phrases: { status: string }[] } | undefined)?.phrases.filter((p) => p.status === 'approved')
            .length ?? 0
        );
      },
      { timeout: 10_000 },
    )
    .toBe(expectedPhrases);
}

async function openBank(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${extensionId()}/phrase-bank.html`);
  await page.waitForSelector('#propose-text');
  return page;
}

describe.skipIf(!chromiumAvailable())('phrase governance end to end', () => {
  it('a teacher proposes, the team lead approves, and the phrase reaches the teacher’s palette', async () => {
    await signInAs(member, 7);
    const bank = await openBank();
    // The wording check speaks while the teacher types.
    await bank.fill('#propose-text', '{namn} är slarvig och räknar aldrig rätt.');
    await expect.poll(() => bank.textContent('#propose-wording')).toContain('slarvig');
    expect(await bank.textContent('#propose-wording')).toContain('aldrig');
    // A near-copy of a bank phrase points at the existing one.
    await bank.fill('#propose-text', '{namn} kan föra enkla resonemang om hur {hen} löst en uppgift');
    await expect
      .poll(() => bank.textContent('.similar'), { timeout: 5000 })
      .toContain('kan föra enkla resonemang om hur {hen} har löst en uppgift');
    await bank.fill('#propose-text', NEW_PHRASE);
    await expect.poll(() => bank.textContent('#propose-wording')).toContain('Inga formuleringstips');
    await bank.selectOption('#propose select >> nth=0', 'SV');
    await bank.click('#propose button[type=submit]');
    await expect.poll(() => bank.textContent('#propose [role=status]')).toContain('Förslaget är skickat');
    // Her own proposal is listed for her, but she cannot approve it.
    await expect.poll(() => bank.textContent('#proposals-title')).toContain('(1)');
    expect(await bank.locator('button', { hasText: 'Godkänn' }).count()).toBe(0);
    await bank.close();

    // The lead sees it, and approves it.
    await signInAs(lead, 7);
    const review = await openBank();
    const card = review.locator('li.card').first();
    await expect.poll(() => card.locator('textarea').inputValue()).toBe(NEW_PHRASE);
    await card.locator('button', { hasText: 'Godkänn' }).click();
    await expect.poll(() => review.textContent('#proposals-title')).toContain('(0)');
    await review.close();

    // Back as the teacher: after a sync the approved phrase is in her palette.
    await signInAs(member, 8);
    const lms = await browser.context.newPage();
    await lms.goto(`${pages.url}/plain.html?governance=1`);
    await lms.click('#ta');
    await insertViaPalette(browser.worker, lms, 'inlevelse');
    expect(await lms.inputValue('#ta')).toBe(NEW_PHRASE);
    await lms.close();

    const versions = (await (
      await fetch(`${apiUrl}/v1/phrases?status=approved`, { headers: { authorization: `Bearer ${lead}` } })
    ).json()) as { phrases: { text: string; version: number }[] };
    expect(versions.phrases.find((p) => p.text === NEW_PHRASE)?.version).toBe(2);
  });

  it('the palette’s "Föreslå ny fras" opens the phrase bank with the search text ready to propose', async () => {
    const lms = await browser.context.newPage();
    await lms.goto(`${pages.url}/plain.html?governance=2`);
    await lms.click('#ta');
    await openPaletteByShortcut(browser.worker, lms);
    await lms.keyboard.type('läser serier med flyt', { delay: 10 });
    // Search → three filters → the propose button, by keyboard.
    for (let i = 0; i < 4; i++) await lms.keyboard.press('Tab');
    const opened = browser.context.waitForEvent('page');
    await lms.keyboard.press('Enter');
    const bank = await opened;
    await bank.waitForSelector('#propose-text');
    await expect.poll(() => bank.inputValue('#propose-text')).toBe('läser serier med flyt');
    await bank.close();
    await lms.close();
  });

  it('shows wording tips beside the field after a pause in typing, and never changes the text', async () => {
    const lms = await browser.context.newPage();
    await lms.goto(`${pages.url}/plain.html?governance=3`);
    await lms.click('#ta');
    const text = 'Eleven är slarvig och jämfört med sina klasskamrater ligger hon efter.';
    await lms.keyboard.type(text, { delay: 5 });
    await lms.waitForFunction(() => document.querySelector('iup-stod-wording') !== null, undefined, { timeout: 5000 });
    expect(await lms.inputValue('#ta')).toBe(text);
    // Rewritten objectively, the tips go away.
    await lms.fill('#ta', '');
    await lms.keyboard.type('Alva läser med flyt. Nästa steg är att läsa längre texter.', { delay: 5 });
    await lms.waitForFunction(() => document.querySelector('iup-stod-wording') === null, undefined, { timeout: 5000 });
    await lms.close();
  });

  it('my own phrases need no approval: saved with a short code on the bank page, a taken or malformed code is refused', async () => {
    const bank = await openBank();
    await bank.waitForSelector('#my-text');
    await bank.fill('#my-text', '{namn} arbetar gärna i par.');
    await bank.fill('#my-code', 'par');
    await bank.click('button:has-text("Spara min fras")');
    await expect
      .poll(() => bank.textContent('#my-title ~ .status, section[aria-labelledby=my-title] .status'))
      .toContain('sparad');
    const mine = async () =>
      (await browser.worker.evaluate(() => chrome.storage.local.get('myPhrases'))).myPhrases as {
        phrases: { id: string; text: string }[];
        codes: Record<string, string>;
      };
    const saved = await mine();
    expect(saved.phrases.map((p) => p.text)).toEqual(['{namn} arbetar gärna i par.']);
    expect(saved.codes).toEqual({ '/par': saved.phrases[0]!.id });
    // The same code again is refused, and so is a code with a space; nothing is added.
    await bank.fill('#my-text', 'Läser gärna.');
    await bank.fill('#my-code', '/par');
    await bank.click('button:has-text("Spara min fras")');
    await expect
      .poll(() => bank.textContent('section[aria-labelledby=my-title] [role=alert]'))
      .toContain('/par används redan');
    await bank.fill('#my-code', '/två ord');
    await bank.click('button:has-text("Spara min fras")');
    await expect.poll(() => bank.textContent('section[aria-labelledby=my-title] [role=alert]')).toContain('snedstreck');
    expect((await mine()).phrases).toHaveLength(1);
    await browser.worker.evaluate(async () => chrome.storage.local.remove('myPhrases'));
    await bank.close();
  });
});
