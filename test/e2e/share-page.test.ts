import type { Browser } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../shared/iup/school-year';
import { startDemoApi, type DemoApi } from './demo-api';
import { axeViolations, chromiumAvailable, launchPlainChromium } from './harness';

const YEAR = schoolYearOf(new Date().toISOString().slice(0, 10));

let api: DemoApi;
let browser: Browser;
let sharePath: string;
let pupilName: string;

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${api.seeded.teacherToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

beforeAll(async () => {
  api = await startDemoApi();
  const { pupils } = await call('GET', '/v1/pupils?limit=1');
  const pupil = pupils[0];
  pupilName = `${pupil.firstName} ${pupil.lastName}`;
  const doc = await call('POST', '/v1/iups', { pupilId: pupil.id, schoolYear: YEAR });
  const subjects = ['SV', 'MA', 'EN', 'NO', 'SO', 'BL', 'MU', 'IDH'];
  await call('PUT', `/v1/iups/${doc.id}`, {
    version: 1,
    sections: {
      omdomen: subjects.map((subject, i) => ({
        subject,
        scale: i % 3 === 0 ? 2 : 1,
        text: `${pupil.firstName} för utvecklade resonemang och använder ämnets begrepp med god säkerhet. I arbetet med texter och uppgifter visar ${pupil.firstName} att hen kan planera, genomföra och berätta om sitt arbete. Nästa steg är att ge fler exempel och att jämföra olika lösningar.`,
      })),
      social: `${pupil.firstName} tar ansvar i grupparbeten och lyssnar på andras förslag.`,
      planning: {
        school: 'Skolan ger stöd med lästräning två gånger i veckan.',
        pupil: 'Läsa 15 minuter varje dag.',
        guardians: 'Fråga om läsningen hemma.',
      },
    },
  });
  sharePath = (await call('POST', `/v1/pupils/${pupil.id}/share-links`, { schoolYear: YEAR })).path;
  browser = await launchPlainChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

describe.skipIf(!chromiumAvailable())('the share page in Chromium', () => {
  it('prints to an A4 PDF with the plan, the glossary and nothing of the comment forms', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}${sharePath}`);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { totalPages, text } = await extractText(doc, { mergePages: true });
    // Eight omdömen, planning and glossary: more than one page, and not a page per paragraph.
    expect(totalPages).toBeGreaterThanOrEqual(2);
    expect(totalPages).toBeLessThanOrEqual(4);
    const first = await page
      .pdf({ format: 'A4' })
      .then((b) => getDocumentProxy(new Uint8Array(b)))
      .then((d) => d.getPage(1))
      .then((p) => p.getViewport({ scale: 1 }));
    // A4 is 595.28 × 841.89 pt; Chromium rounds the media box to whole pixels.
    expect(Math.abs(first.width - 595.28)).toBeLessThan(2);
    expect(Math.abs(first.height - 841.89)).toBeLessThan(2);
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      'Individuell utvecklingsplan',
      pupilName,
      'Skriftliga omdömen',
      'Svenska',
      'Idrott och hälsa',
      'Mer än godtagbara kunskaper',
      'Framåtsyftande planering',
      'Vårdnadshavarna',
      'Ord som används i planen',
      'utvecklade mer genomarbetade',
      'med god säkerhet',
    ]) {
      expect(flat).toContain(expected);
    }
    // The glossary lists only the value words the plan uses: "välutvecklade" is not in it.
    expect(flat).not.toContain('välutvecklade');
    expect(flat).not.toContain('Inför samtalet');
    expect(flat).not.toContain('Spara');
    await page.close();
  });

  it('meets WCAG 2.1 AA by axe-core, before and after an error, and works by keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${api.url}${sharePath}`);
    expect(await axeViolations(page)).toEqual([]);
    // Keyboard: from the pupil's box to its button, and the saved notice is announced.
    await page.focus('#comment-pupil');
    await page.keyboard.type('Jag vill prata om läsningen.');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Spara');
    await page.keyboard.press('Enter');
    await page.waitForSelector('p.notice[role=status]');
    expect(await page.inputValue('#comment-pupil')).toBe('Jag vill prata om läsningen.');
    expect(await axeViolations(page)).toEqual([]);
    // An oversize text (maxlength removed, as a script could) gets a readable error; the text stays.
    await page.evaluate(() => document.querySelector('#comment-guardians')!.removeAttribute('maxlength'));
    await page.fill('#comment-guardians', 'a'.repeat(2100));
    await page.click('#comment-guardians ~ button');
    await page.waitForSelector('#comment-guardians-error');
    expect(await page.inputValue('#comment-guardians')).toHaveLength(2100);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${api.url}/share/no-such-link-0000000000000000000`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
