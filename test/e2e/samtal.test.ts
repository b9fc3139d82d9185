import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../shared/iup/school-year';
import { startDemoApi, type DemoApi } from './demo-api';
import {
  axeViolations,
  E2E_OUT,
  launchPlainChromium,
  ROOT,
  activateSite,
  chromiumAvailable,
  launchWithExtension,
  type ExtensionBrowser,
} from './harness';

const dir = mkdtempSync(join(tmpdir(), 'iup-e2e-samtal-'));
const shots = process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'test/e2e/screenshots') : join(ROOT, 'test-results');
let browser: ExtensionBrowser;
let family: Browser;
let api: DemoApi;
let base: string;
let karin: string;
type ApiPupil = { id: string; firstName: string; lastName: string; arskurs: number; skolform: string };
let pupils: ApiPupil[];

const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${karin}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
};

const extensionPage = async (path: string) => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${new URL(browser.worker.url()).host}/${path}`);
  return page;
};

/** The samtal page with a class chosen. */
async function samtalPage(className: string) {
  const page = await extensionPage('samtal.html');
  await page.waitForSelector('#samtal-class');
  const value = await page.$eval(
    '#samtal-class',
    (s, name) => [...(s as HTMLSelectElement).options].find((o) => o.text.startsWith(`${name} `))!.value,
    className,
  );
  await page.selectOption('#samtal-class', value);
  await page.waitForSelector('table.round');
  return page;
}

/** The demo platform's page for a pupil, with the panel open and the detected pupil confirmed. */
async function panelFor(pupilId: string) {
  const page = await browser.context.newPage();
  await page.goto(`${base}/demo/lms/elev/${pupilId}`);
  await page.bringToFront();
  await browser.worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    await chrome.tabs.sendMessage(tab!.id!, { type: 'open-panel' }, { frameId: 0 });
  }, page.url());
  await page.waitForSelector('iup-stod-panel >> aside.panel');
  // A pupil already confirmed on this platform opens straight away; otherwise confirm.
  const confirm = page.locator('iup-stod-panel >> button:has-text("Stämmer")');
  await page.locator('iup-stod-panel >> .samtal-part').or(confirm).first().waitFor();
  if (await confirm.isVisible()) await confirm.click();
  return page;
}

beforeAll(async () => {
  mkdirSync(join(dir, 'profile'));
  api = await startDemoApi({ withLms: true });
  base = api.url;
  karin = api.seeded.teacherToken;
  pupils = (await call('GET', '/v1/pupils?limit=100')).body.pupils;
  browser = await launchWithExtension(E2E_OUT, join(dir, 'profile'));
  await activateSite(browser.worker, [base]);
  await browser.worker.evaluate(async (s) => chrome.storage.local.set({ settings: s }), {
    apiUrl: base,
    token: karin,
    language: 'sv',
  });
  family = await launchPlainChromium();
}, 120_000);

afterAll(async () => {
  await family?.close();
  await browser?.close();
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!chromiumAvailable())(
  'utvecklingssamtal: the teacher publishes, the family books, everyone sees it',
  () => {
    it('publish on the Samtal page → a guardian books on a phone → panel, class view and calendar feed show it', async () => {
      const twoA = pupils.filter((p) => p.arskurs === 2 && p.skolform === 'grundskola');
      const pupil = twoA.find(
        (p) => pupils.filter((q) => q.firstName === p.firstName && q.lastName === p.lastName).length === 1,
      )!;

      // Karin publishes four times for 2A, ten days ahead, keyboard and form controls only.
      const page = await samtalPage('2A');
      expect(await axeViolations(page)).toEqual([]);
      const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      await page.fill('#publish-date', day);
      await page.fill('#publish-start', '14:00');
      await page.fill('#publish-length', '20');
      await page.fill('#publish-break', '5');
      await page.fill('#publish-count', '4');
      await page.fill('#publish-place', 'Klassrum 2A');
      await page.check('text=Tolk kan ordnas');
      await expect.poll(() => page.textContent('form .hint')).toContain('Tiderna blir: 14:00, 14:25, 14:50, 15:15');
      await page.click('button:has-text("Publicera tiderna")');
      await expect
        .poll(() => page.textContent('section[aria-labelledby=publish-heading] .status'))
        .toContain('4 tider är publicerade');
      await page.screenshot({ path: join(shots, 'samtal-page.png'), fullPage: true });

      // The family link, as Karin sends it.
      const link = (
        await call('POST', `/v1/pupils/${pupil.id}/share-links`, {
          schoolYear: schoolYearOf(new Date().toISOString().slice(0, 10)),
        })
      ).body.path;

      // A guardian on a 390 px phone, no account, no extension.
      const phone = await family.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
      const guardian = await phone.newPage();
      await guardian.goto(`${base}${link}`);
      expect(await axeViolations(guardian)).toEqual([]);
      const radios = await guardian.$$('input[name=timeId]');
      expect(radios).toHaveLength(4);
      // No sideways scrolling on the phone.
      expect(await guardian.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await guardian.click('label[for=time-1]');
      await guardian.check('#interpreter');
      await guardian.fill('#language', 'arabiska');
      await guardian.click('button:has-text("Boka tiden")');
      await guardian.waitForSelector('.booked-time');
      expect(await guardian.textContent('.notice')).toContain('Tiden är bokad');
      expect(await guardian.textContent('.samtal')).toContain('kl. 14:25–14:45');
      expect(await guardian.textContent('.samtal')).toContain('Tolk på arabiska är begärd.');
      expect(await axeViolations(guardian)).toEqual([]);
      await guardian.screenshot({ path: join(shots, 'samtal-family-phone.png'), fullPage: true });
      // The page runs no script (CSP): the calendar file is fetched as the phone's browser would.
      const icsHref = await guardian.$eval('.samtal a.button', (a) => (a as HTMLAnchorElement).href);
      const ics = await (await fetch(icsHref)).text();
      expect(ics).toContain('BEGIN:VEVENT');
      expect(ics).toContain('LOCATION:Klassrum 2A');
      await phone.close();

      // The panel on the demo platform shows the booking for the pupil on screen.
      const lms = await panelFor(pupil.id);
      await expect
        .poll(() => lms.textContent('iup-stod-panel >> .samtal-part'), { timeout: 10_000 })
        .toContain('Bokad av familjen via länken');
      expect(await lms.textContent('iup-stod-panel >> .samtal-booked')).toContain('14:25–14:45');
      await lms.screenshot({ path: join(shots, 'samtal-panel.png') });

      // The class view: booked, with the interpreter the family asked for.
      await page.reload();
      const round = await samtalPage('2A');
      const row = round.locator(`tr[data-pupil="${pupil.id}"]`);
      await expect.poll(() => row.textContent()).toContain('Bokad');
      expect(await row.textContent()).toContain('tolk: arabiska');

      // Karin's calendar feed has the samtal, first name and initial only.
      const feed = (await call('GET', '/v1/meetings.ics')).body as string;
      expect(feed).toContain(`SUMMARY:Utvecklingssamtal: ${pupil.firstName} ${pupil.lastName.slice(0, 1)}.`);
      expect(feed).toContain('LOCATION:Klassrum 2A');
      await page.close();
    });

    it('letters for the families still to book: one A4 page each, with the link as text and a QR code that decodes to it', async () => {
      const page = await samtalPage('2A');
      const toBook = await page.$$eval('table.round tbody tr', (rows) =>
        rows
          .filter((r) => ['invited', 'not-invited'].includes(r.getAttribute('data-state')!))
          .map((r) => r.getAttribute('data-pupil')),
      );
      expect(toBook.length).toBeGreaterThan(0);
      await page.click('button:has-text("Skriv ut inbjudningsbrev")');
      await page.waitForSelector('article.letter');
      expect(await page.$$('article.letter')).toHaveLength(toBook.length);
      expect(await axeViolations(page)).toEqual([]);

      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const doc = await getDocumentProxy(new Uint8Array(pdf));
      expect(doc.numPages).toBe(toBook.length);
      const { text } = await extractText(doc, { mergePages: false });
      const firstUrl = (await page.textContent('article.letter .url'))!.trim();
      expect(firstUrl).toMatch(new RegExp(`^${base}/share/[A-Za-z0-9_-]{20,}$`));
      // Each page is one pupil's letter with that pupil's link (long links may wrap in the PDF).
      expect(text[0]!.replace(/\s+/g, '')).toContain(firstUrl);
      expect(text[0]).toContain('Inbjudan till utvecklingssamtal');

      // The QR code as printed: the print layout, rendered, decodes to the same link.
      await page.emulateMedia({ media: 'print' });
      const png = PNG.sync.read(await page.locator('article.letter .qr').first().screenshot({ scale: 'device' }));
      const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(decoded?.data).toBe(firstUrl);
      await page.emulateMedia({ media: 'screen' });
      await page.screenshot({ path: join(shots, 'samtal-letter.png') });

      // The link on the letter opens that pupil's booking page; the invitation is recorded.
      const res = await fetch(firstUrl);
      expect(await res.text()).toContain('Lediga tider');
      const pupilId = await page.getAttribute('article.letter', 'data-pupil');
      const invitations = (await call('GET', `/v1/samtal/invitations?pupilId=${pupilId}`)).body.invitations;
      expect(invitations[0].method).toBe('letter');
    });
    it('the panel books a time agreed by phone for the pupil on screen, in the school’s local time', async () => {
      const booked = new Set(
        ((await call('GET', '/v1/meetings')).body.meetings as { pupilId: string; status: string }[])
          .filter((m) => m.status === 'planned')
          .map((m) => m.pupilId),
      );
      const pupil = pupils.find(
        (p) =>
          p.skolform === 'grundskola' &&
          !booked.has(p.id) &&
          pupils.filter((q) => q.firstName === p.firstName && q.lastName === p.lastName).length === 1,
      )!;
      const lms = await panelFor(pupil.id);
      await lms.waitForSelector('iup-stod-panel >> details.agreed');
      await lms.click('iup-stod-panel >> details.agreed summary');
      const day = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
      await lms.fill('iup-stod-panel >> #samtal-agreed-at', `${day}T08:15`);
      await lms.fill('iup-stod-panel >> #samtal-agreed-place', 'Telefon');
      await lms.click('iup-stod-panel >> details.agreed button[type=submit]');
      await expect
        .poll(() => lms.textContent('iup-stod-panel >> .samtal-part'), { timeout: 10_000 })
        .toContain('Bokad av skolan');
      expect(await lms.textContent('iup-stod-panel >> .samtal-booked')).toContain('kl. 08:15–08:45 · Telefon');
      const meetings = (await call('GET', `/v1/meetings?pupilId=${pupil.id}`)).body.meetings as {
        status: string;
        place: string;
        timeId: string | null;
      }[];
      expect(meetings.find((m) => m.status === 'planned')).toMatchObject({ place: 'Telefon', timeId: null });
      await lms.close();
    });
    it('the samtal itself: mark it held with who took part and the agreements; the family confirms; the duties are met', async () => {
      const all = (await call('GET', '/v1/meetings')).body.meetings as { pupilId: string }[];
      const pupil = pupils
        .filter(
          (p) =>
            p.skolform === 'grundskola' &&
            !all.some((m) => m.pupilId === p.id) &&
            pupils.filter((q) => q.firstName === p.firstName && q.lastName === p.lastName).length === 1,
        )
        .at(-1)!;
      // A samtal that started an hour ago: the panel offers to record it.
      const booked = (
        await call('POST', '/v1/meetings', {
          pupilId: pupil.id,
          startsAt: new Date(Date.now() - 3_600_000).toISOString(),
          place: 'Klassrummet',
        })
      ).body;
      const dutiesNow = async () =>
        (
          (await call('GET', '/v1/deadlines?scope=me&view=full')).body.pupils.find(
            (p: { id: string }) => p.id === pupil.id,
          ).duties as { kind: string; state: string; reason: string; meetingId?: string }[]
        ).filter((d) => d.meetingId === booked.id);
      // Before: today's samtal counts as booked, not yet held; nothing was shared in time.
      expect((await dutiesNow()).map((d) => `${d.kind}:${d.state}`)).toEqual(
        expect.arrayContaining(['samtal-term:scheduled', 'share-before-samtal:overdue']),
      );
      // Before the samtal the family prepares through its link, on a phone.
      const link = (
        await call('POST', `/v1/pupils/${pupil.id}/share-links`, {
          schoolYear: schoolYearOf(new Date().toISOString().slice(0, 10)),
        })
      ).body.path;
      const before = await family.newContext({ viewport: { width: 390, height: 844 } });
      const prepPage = await before.newPage();
      await prepPage.goto(`${base}${link}`);
      await prepPage.fill('#guardians-home-view', 'Hon tycker om att läsa men tycker matte är svårt.');
      await prepPage.click('form.prepare-form:has(input[value=guardians]) button[type=submit]');
      await prepPage.waitForSelector('.preparation .notice');
      expect(await axeViolations(prepPage)).toEqual([]);
      await before.close();
      const lms = await panelFor(pupil.id);
      await lms.waitForSelector('iup-stod-panel >> form.held-form');
      expect(await lms.textContent('iup-stod-panel >> .preparation-answers')).toContain('matte är svårt');
      await lms.fill('iup-stod-panel >> #held-guardians', '2');
      await lms.fill('iup-stod-panel >> #held-interpreter', 'somaliska');
      await lms.fill('iup-stod-panel >> #iup-field-agreements-school', 'Lästräning två gånger i veckan.');
      await lms.fill(
        'iup-stod-panel >> #iup-field-agreements-guardians',
        'Läser högt hemma.\nFrågar om läxan på söndagar.',
      );
      await lms.click('iup-stod-panel >> button:has-text("Markera samtalet som genomfört")');
      await expect
        .poll(() => lms.textContent('iup-stod-panel >> .samtal-part'), { timeout: 10_000 })
        .toContain('Familjen har inte bekräftat överenskommelserna än.');
      const meeting = (await call('GET', `/v1/meetings?pupilId=${pupil.id}`)).body.meetings[0];
      expect(meeting).toMatchObject({
        status: 'held',
        participants: { pupil: true, guardians: 2, interpreterLanguage: 'somaliska' },
      });
      expect(meeting.agreements).toHaveLength(3);

      // The family reads the agreements on the phone and confirms.
      const phone = await family.newContext({ viewport: { width: 390, height: 844 } });
      const guardian = await phone.newPage();
      await guardian.goto(`${base}${link}`);
      expect(await guardian.textContent('.agreements')).toContain('Frågar om läxan på söndagar.');
      await guardian.check('#ack-guardian');
      await guardian.fill('#ack-comment', 'Vi börjar i kväll.');
      await guardian.click('button:has-text("Vi har tagit del av överenskommelserna")');
      await guardian.waitForSelector('.agreements .notice');
      expect(await axeViolations(guardian)).toEqual([]);
      await phone.close();

      // The panel shows who confirmed; the duties for the samtal are met.
      await lms.close();
      const again = await panelFor(pupil.id);
      const confirmed = again.locator('iup-stod-panel >> .last-held');
      await expect.poll(() => confirmed.textContent(), { timeout: 10_000 }).toContain('En vårdnadshavare bekräftade');
      expect(await confirmed.textContent()).toContain('Vi börjar i kväll.');
      const report = (await call('GET', '/v1/deadlines?scope=me&view=full')).body;
      const duties = report.pupils.find((p: { id: string }) => p.id === pupil.id).duties as {
        kind: string;
        state: string;
        meetingId?: string;
      }[];
      expect(duties.find((d) => d.kind === 'agreements-documented' && d.meetingId === meeting.id)?.state).toBe('done');
      expect(duties.find((d) => d.kind === 'samtal-term' && d.meetingId === meeting.id)?.state).toBe('done');
      await again.close();
    }, 60_000);
    it('the youngest’s questions can be read aloud: the one hashed script runs under the page’s CSP, nothing else', async () => {
      const young = pupils.find((p) => p.arskurs === 1)!;
      const link = (
        await call('POST', `/v1/pupils/${young.id}/share-links`, {
          schoolYear: schoolYearOf(new Date().toISOString().slice(0, 10)),
        })
      ).body.path;
      const context = await family.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const refused: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
      });
      await page.goto(`${base}${link}`);
      // Shown only because the script ran (the buttons are rendered hidden).
      const button = page.locator('button.speak').first();
      await expect.poll(() => button.isVisible()).toBe(true);
      await page.evaluate(() => {
        const spoken: string[] = [];
        (window as unknown as { spoken: string[] }).spoken = spoken;
        window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
          spoken.push(`${u.lang}: ${u.text}`);
        };
      });
      await button.click();
      expect(await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken)).toEqual([
        'sv-SE: Hur roligt är det i skolan?',
      ]);
      expect(await axeViolations(page)).toEqual([]);
      expect(refused).toEqual([]);
      await context.close();
    });
  },
);
