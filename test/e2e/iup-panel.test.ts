import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../shared/iup/school-year';
import { startDemoApi, type DemoApi } from './demo-api';
import {
  E2E_OUT,
  ROOT,
  activateSite,
  chromiumAvailable,
  insertViaPalette,
  launchWithExtension,
  openPaletteByShortcut,
  type ExtensionBrowser,
} from './harness';

const dir = mkdtempSync(join(tmpdir(), 'iup-e2e-panel-'));
const profile = join(dir, 'profile');
let browser: ExtensionBrowser;
let api: DemoApi;
let base: string;
let karin: string;
let per: string;
type ApiPupil = { id: string; firstName: string; lastName: string; arskurs: number; skolform: string };
let pupils: ApiPupil[];
const sv = JSON.parse(readFileSync(join(ROOT, 'extension/public/_locales/sv/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;

const call = async (token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
};
const schoolYear = () => schoolYearOf(new Date().toISOString().slice(0, 10));
const serverIup = async (pupilId: string) =>
  (await call(karin, 'GET', `/v1/iups?pupilId=${pupilId}&schoolYear=${encodeURIComponent(schoolYear())}`)).body;

beforeAll(async () => {
  mkdirSync(profile);
  // The API and the demo platform on one server, as `npm start` serves them.
  api = await startDemoApi({ withLms: true });
  base = api.url;
  karin = api.seeded.teacherToken;
  per = api.seeded.adminToken;
  pupils = (await call(karin, 'GET', '/v1/pupils?limit=100')).body.pupils;
  browser = await launchWithExtension(E2E_OUT, profile);
  await activateSite(browser.worker, [base]);
  await signIn();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn() {
  await browser.worker.evaluate(async (s) => chrome.storage.local.set({ settings: s }), {
    apiUrl: base,
    token: karin,
    language: 'sv',
  });
  // beforeAll has no expect.poll: wait by hand until the first sync brought the roster and template.
  for (let i = 0; i < 150; i++) {
    const { roster, schoolSetup } = await browser.worker.evaluate(() =>
      chrome.storage.local.get(['roster', 'schoolSetup']),
    );
    if (
      ((roster as { pupils: unknown[] } | undefined)?.pupils.length ?? 0) > 0 &&
      (schoolSetup as { template?: unknown } | undefined)?.template
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the extension did not sync the roster and template');
}

/** "Synka nu" from the popup: a message from an extension page reaches the background. */
async function syncNow() {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${new URL(browser.worker.url()).host}/popup.html`);
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-now' }));
  await popup.close();
}

/** What Alt+Shift+I does: the background asks the tab's top frame to open the panel. */
async function openPanel(page: Page) {
  await page.bringToFront();
  const ask = () =>
    browser.worker.evaluate(async (url) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
      if (!tab?.id) throw new Error(`no tab for ${url}`);
      await chrome.tabs.sendMessage(tab.id, { type: 'open-panel' }, { frameId: 0 });
    }, page.url());
  try {
    await ask();
  } catch (err) {
    // Right after a browser start the page may have loaded before the overlay was registered
    // again; a teacher would reload, and so does the test (once).
    if (!String(err).includes('Receiving end does not exist')) throw err;
    await activateSite(browser.worker, [base]);
    await page.reload();
    await ask();
  }
  await page.waitForSelector('iup-stod-panel >> aside.panel');
}

/** The panel is open on `page` for the pupil named. */
const panelShows = (page: Page, name: string) =>
  expect
    .poll(
      () =>
        page
          .locator('iup-stod-panel >> header h2')
          .textContent()
          .catch(() => ''),
      { timeout: 10_000 },
    )
    .toContain(name);

/** A written section starts folded in the panel: open it as a teacher would, by its heading. */
async function reveal(page: Page, fieldId: string) {
  const section = page.locator(`iup-stod-panel >> details.section:has(#${fieldId})`);
  if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open))) await section.locator('> summary').click();
}

const pupilPage = async (p: ApiPupil, tag: string) => {
  const page = await browser.context.newPage();
  await page.goto(`${base}/demo/lms/elev/${p.id}?t=${tag}`);
  return page;
};
const unique = (p: ApiPupil) =>
  pupils.filter((q) => q.firstName === p.firstName && q.lastName === p.lastName).length === 1;
const writable = () => pupils.filter((p) => p.skolform === 'grundskola' && unique(p));

describe.skipIf(!chromiumAvailable())('the IUP panel on the demo learning platform', () => {
  it('detects the pupil from the page, saves locally within a second, and keeps the text across a reload', async () => {
    const p = writable()[0]!;
    const page = await pupilPage(p, 'reload');
    await openPanel(page);
    await expect.poll(() => page.textContent('iup-stod-panel >> .detected')).toContain(`${p.firstName} ${p.lastName}`);
    await page.click('iup-stod-panel >> button:has-text("Stämmer")');
    // Every status the panel shows while saving to a server that answers: calm words only.
    await page.evaluate(() => {
      const shadow = document.querySelector('iup-stod-panel')!.shadowRoot!;
      const shown: string[] = [];
      (window as any).syncWords = shown;
      new MutationObserver(() => {
        const words = shadow.querySelector('.sync')?.textContent ?? '';
        if (shown.at(-1) !== words) shown.push(words);
      }).observe(shadow, { subtree: true, childList: true, characterData: true });
    });
    await page.fill('iup-stod-panel >> #iup-field-omdome-SV', `${p.firstName} läser med flyt.`);
    const t0 = Date.now();
    await expect
      .poll(async () => JSON.stringify(await browser.worker.evaluate(() => chrome.storage.local.get(null))), {
        timeout: 1000,
        interval: 50,
      })
      .toContain(`${p.firstName} läser med flyt.`);
    expect(Date.now() - t0).toBeLessThan(1000);
    await expect
      .poll(() => page.textContent('iup-stod-panel >> .sync'), { timeout: 10_000 })
      .toContain('Sparat på servern');
    const words = (await page.evaluate(() => (window as any).syncWords)) as string[];
    expect(words.some((w) => w.includes('Sparar'))).toBe(true);
    expect(words.filter((w) => w.includes('Sparat lokalt'))).toEqual([]);
    // The README's picture: refreshed with UPDATE_SCREENSHOTS=1 (its clock text changes every run).
    await page.screenshot({
      path: join(ROOT, process.env.UPDATE_SCREENSHOTS ? 'test/e2e/screenshots' : 'test-results', 'iup-panel.png'),
    });

    await page.reload();
    await openPanel(page);
    await page.click('iup-stod-panel >> button:has-text("Stämmer")');
    await expect
      .poll(() => page.inputValue('iup-stod-panel >> #iup-field-omdome-SV'))
      .toBe(`${p.firstName} läser med flyt.`);
    expect((await serverIup(p.id)).sections.omdomen[0].text).toBe(`${p.firstName} läser med flyt.`);
    // The school's scale beside the omdöme, and the status flow with who and when.
    await page.selectOption('iup-stod-panel >> #iup-field-omdome-SV-scale', '2');
    await page.selectOption('iup-stod-panel >> #iup-status', 'ready');
    await expect
      .poll(
        async () => {
          const d = await serverIup(p.id);
          return [d.sections.omdomen[0].scale, d.status];
        },
        { timeout: 10_000 },
      )
      .toEqual([2, 'ready']);
    await expect
      .poll(() => page.textContent('iup-stod-panel >> #iup-status-who'), { timeout: 10_000 })
      .toContain('Klar, satt av dig');
    // "Skicka till fältet": the section's text goes into the platform's own editor (Quill's model).
    await page.click('.ql-editor');
    await page.click('iup-stod-panel >> .field:has(#iup-field-omdome-SV) >> button:has-text("Skicka till fältet")');
    await expect
      .poll(() => page.evaluate(() => (window as any).demoLms.quill.getText()))
      .toContain(`${p.firstName} läser med flyt.`);
    await page.close();
  });

  it('shows markup in a saved draft as text, and sends it to the platform’s editor as text: no script runs', async () => {
    const p = writable()[9]!;
    const hostile = '<img src=x onerror="window.pwned=1"><b>fet</b> & mer';
    const existing = await call(
      karin,
      'GET',
      `/v1/iups?pupilId=${p.id}&schoolYear=${encodeURIComponent(schoolYear())}`,
    );
    const sections = { omdomen: [{ subject: 'SV', text: hostile }] };
    const saved =
      existing.status === 200
        ? await call(karin, 'PUT', `/v1/iups/${existing.body.id}`, { version: existing.body.version, sections })
        : await call(karin, 'POST', '/v1/iups', { pupilId: p.id, schoolYear: schoolYear(), sections });
    expect(saved.status).toBeLessThan(300);
    const page = await pupilPage(p, 'markup');
    await openPanel(page);
    await page.click('iup-stod-panel >> button:has-text("Stämmer")');
    await expect.poll(() => page.inputValue('iup-stod-panel >> #iup-field-omdome-SV')).toBe(hostile);
    await page.click('.ql-editor');
    await page.click('iup-stod-panel >> .field:has(#iup-field-omdome-SV) >> button:has-text("Skicka till fältet")');
    await expect.poll(() => page.evaluate(() => (window as any).demoLms.quill.getText())).toContain(hostile);
    expect(await page.evaluate(() => document.querySelectorAll('.ql-editor img, .ql-editor b').length)).toBe(0);
    expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
    await page.close();
  });

  it('keeps a pupil’s fields read-only until that pupil’s stored draft is on screen', async () => {
    const [a, b] = [writable()[10]!, writable()[11]!];
    // A page that names no pupil: the panel starts with the picker.
    const page = await browser.context.newPage();
    await page.route(`${base}/fixture/ingen-elev`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><meta charset="utf-8"><title>LMS</title><h1>Start</h1>',
      }),
    );
    await page.goto(`${base}/fixture/ingen-elev`);
    await openPanel(page);
    for (const [p, words] of [
      [b, 'Text för elev B.'],
      [a, 'Text för elev A.'],
    ] as const) {
      await page.fill('iup-stod-panel >> #iup-pupil-search', p.firstName);
      await page.click(`iup-stod-panel >> .pupil-results button:has-text("${p.firstName} ${p.lastName}")`);
      await expect.poll(() => page.inputValue('iup-stod-panel >> #iup-field-social')).toBe('');
      await page.fill('iup-stod-panel >> #iup-field-social', words);
      await expect.poll(() => page.textContent('iup-stod-panel >> .sync'), { timeout: 5000 }).toMatch(/Sparat/);
      await page.click('iup-stod-panel >> button:has-text("Byt elev")');
    }
    // Watch the field from its first appearance: a mutation observer runs before the storage read
    // that fills it can answer, so an editable field with the wrong text would be seen.
    await page.evaluate(() => {
      const find = (root: Document | ShadowRoot): ShadowRoot | null => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot?.querySelector('.panel')) return el.shadowRoot;
          const inner = el.shadowRoot && find(el.shadowRoot);
          if (inner) return inner;
        }
        return null;
      };
      const shadow = find(document)!;
      const seen: { readOnly: boolean; value: string }[] = [];
      (window as any).fieldStates = seen;
      const look = () => {
        const area = shadow.querySelector<HTMLTextAreaElement>('#iup-field-social');
        if (area) seen.push({ readOnly: area.readOnly, value: area.value });
      };
      new MutationObserver(look).observe(shadow, { subtree: true, childList: true, attributes: true });
    });
    await page.fill('iup-stod-panel >> #iup-pupil-search', b.firstName);
    await page.click(`iup-stod-panel >> .pupil-results button:has-text("${b.firstName} ${b.lastName}")`);
    await expect.poll(() => page.inputValue('iup-stod-panel >> #iup-field-social')).toBe('Text för elev B.');
    const states = await page.evaluate(() => (window as any).fieldStates as { readOnly: boolean; value: string }[]);
    expect(states.length).toBeGreaterThan(0);
    expect(states[0]!.readOnly, 'the field first appears read-only').toBe(true);
    expect(
      states.filter((s) => !s.readOnly && s.value !== 'Text för elev B.'),
      'editable with another text',
    ).toEqual([]);
    await page.close();
  });

  it('keeps every edit made with the API down across a browser restart, and syncs them all, in order, when it is back', async () => {
    // Pupils no other test here writes for.
    const targets = [1, 2, 7, 8].map((i) => writable()[i]!);
    const fields = ['social', 'planning-school', 'planning-pupil'] as const;
    const text = (p: ApiPupil, field: string, round: number) => `${p.firstName}: ${field}, omgång ${round}.`;
    await api.stop();
    // The demo platform shares the server, so the page comes from a stand-in while it is down.
    const offlinePage = async () => {
      const page = await browser.context.newPage();
      await page.route(`${base}/offline-lms`, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><meta charset="utf-8"><title>LMS</title><h1>Offline</h1><textarea></textarea>',
        }),
      );
      await page.goto(`${base}/offline-lms`);
      await openPanel(page);
      return page;
    };
    let edits = 0;
    const lastRound = new Map<string, number>();
    const round = async (page: Page, who: ApiPupil[], n: number) => {
      for (const p of who) {
        await page.fill('iup-stod-panel >> #iup-pupil-search', p.firstName);
        await page.click(`iup-stod-panel >> .pupil-results button:has-text("${p.firstName} ${p.lastName}")`);
        // As a teacher would: the pupil's saved text is on screen before she writes on.
        const previous = lastRound.get(p.id);
        await expect
          .poll(() => page.inputValue('iup-stod-panel >> #iup-field-social'), { timeout: 5000 })
          .toBe(previous ? text(p, 'social', previous) : '');
        lastRound.set(p.id, n);
        for (const f of fields) {
          await reveal(page, `iup-field-${f}`);
          await page.fill(`iup-stod-panel >> #iup-field-${f}`, text(p, f, n));
          edits++;
        }
        await expect
          .poll(() => page.textContent('iup-stod-panel >> .sync'), { timeout: 5000 })
          .toContain('Sparat lokalt');
        await page.click('iup-stod-panel >> button:has-text("Byt elev")');
      }
    };
    try {
      const before = await offlinePage();
      await round(before, targets, 1);
      await round(before, targets.slice(0, 2), 2);
      // Restart the browser (same profile) while the API is still down, and write on.
      await browser.close();
      browser = await launchWithExtension(E2E_OUT, profile);
      await activateSite(browser.worker, [base]);
      const after = await offlinePage();
      for (const p of targets.slice(0, 2)) {
        await after.fill('iup-stod-panel >> #iup-pupil-search', p.firstName);
        await after.click(`iup-stod-panel >> .pupil-results button:has-text("${p.firstName} ${p.lastName}")`);
        await expect
          .poll(() => after.inputValue('iup-stod-panel >> #iup-field-social'), {
            message: 'the local copy survived the restart',
            timeout: 5000,
          })
          .toBe(text(p, 'social', 2));
        await after.click('iup-stod-panel >> button:has-text("Byt elev")');
      }
      await round(after, targets, 3);
      expect(edits).toBe(30);
    } finally {
      // Even when this test fails, the tests after it need the API.
      await api.start();
    }

    const sectionsOf = (doc: any) => ({
      social: doc?.sections?.social,
      'planning-school': doc?.sections?.planning?.school,
      'planning-pupil': doc?.sections?.planning?.pupil,
    });
    for (const p of targets) {
      await expect
        .poll(async () => sectionsOf(await serverIup(p.id)), { timeout: 30_000 })
        .toEqual(Object.fromEntries(fields.map((f) => [f, text(p, f, 3)])));
    }
    // Oldest change first: the IUPs reached the server in the order they were first written.
    const created = await Promise.all(targets.map(async (p) => (await serverIup(p.id)).createdAt as string));
    expect(created).toEqual([...created].sort());
  }, 150_000);

  it('shows both versions side by side when someone else saved meanwhile, and saves the teacher’s choice', async () => {
    await activateSite(browser.worker, [base]);
    const p = writable()[3]!;
    const page = await pupilPage(p, 'conflict');
    await openPanel(page);
    await page.click('iup-stod-panel >> button:has-text("Stämmer")');
    await page.fill('iup-stod-panel >> #iup-field-omdome-MA', 'Min text om matematik.');
    await expect
      .poll(() => page.textContent('iup-stod-panel >> .sync'), { timeout: 10_000 })
      .toContain('Sparat på servern');
    // Per (admin) edits the same IUP from elsewhere.
    const doc = await serverIup(p.id);
    const theirs = { ...doc.sections, omdomen: [{ subject: 'MA', text: 'Pers text om matematik.', scale: null }] };
    expect((await call(per, 'PUT', `/v1/iups/${doc.id}`, { version: doc.version, sections: theirs })).status).toBe(200);
    await page.fill('iup-stod-panel >> #iup-field-omdome-MA', 'Min text om matematik, utökad.');
    await page.waitForSelector('iup-stod-panel >> .conflict', { timeout: 10_000 });
    expect(await page.textContent('iup-stod-panel >> .conflict [data-side=mine]')).toBe(
      'Min text om matematik, utökad.',
    );
    expect(await page.textContent('iup-stod-panel >> .conflict [data-side=theirs]')).toBe('Pers text om matematik.');
    // It appears at the differing field's section, names the colleague, and has the focus.
    expect(await page.locator('iup-stod-panel >> details.section:has(#iup-field-omdome-MA) .conflict').count()).toBe(1);
    const perName = (await call(per, 'GET', '/v1/me')).body.teacher.name as string;
    expect(await page.textContent('iup-stod-panel >> section.conflict')).toContain(perName);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('iup-stod-panel')!.shadowRoot!.activeElement?.id))
      .toBe('iup-conflict-title');
    // Nothing was overwritten yet.
    expect((await serverIup(p.id)).sections.omdomen[0].text).toBe('Pers text om matematik.');
    await page.fill('iup-stod-panel >> .conflict textarea', 'Min text om matematik, utökad. Pers text om matematik.');
    await page.click('iup-stod-panel >> button:has-text("Spara mitt val")');
    await expect
      .poll(async () => (await serverIup(p.id)).sections.omdomen[0].text, { timeout: 10_000 })
      .toBe('Min text om matematik, utökad. Pers text om matematik.');
    await expect
      .poll(() => page.textContent('iup-stod-panel >> .sync'), { timeout: 10_000 })
      .toContain('Sparat på servern');
    await page.close();
  });

  it('two teachers in two browsers edit the same IUP: the later save gets the conflict view with both texts', async () => {
    const p = writable()[4]!;
    const second = await launchWithExtension(E2E_OUT);
    try {
      await activateSite(second.worker, [base]);
      await second.worker.evaluate(async (s) => chrome.storage.local.set({ settings: s }), {
        apiUrl: base,
        token: per,
        language: 'sv',
      });
      await expect
        .poll(
          async () =>
            !!(
              (await second.worker.evaluate(() => chrome.storage.local.get('schoolSetup'))).schoolSetup as
                { template?: unknown } | undefined
            )?.template,
          { timeout: 15_000 },
        )
        .toBe(true);
      const open = async (b: ExtensionBrowser, tag: string) => {
        const page = await b.context.newPage();
        await page.goto(`${base}/demo/lms/elev/${p.id}?t=${tag}`);
        await page.bringToFront();
        await b.worker.evaluate(async (url) => {
          const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
          await chrome.tabs.sendMessage(tab!.id!, { type: 'open-panel' }, { frameId: 0 });
        }, page.url());
        await page.click('iup-stod-panel >> button:has-text("Stämmer")');
        return page;
      };
      const karinPage = await open(browser, 'two-a');
      const perPage = await open(second, 'two-b');
      await karinPage.fill('iup-stod-panel >> #iup-field-social', 'Karins text.');
      await expect
        .poll(() => karinPage.textContent('iup-stod-panel >> .sync'), { timeout: 10_000 })
        .toContain('Sparat på servern');
      // Per's panel opened before Karin's save reached the server: his draft starts without it.
      await perPage.fill('iup-stod-panel >> #iup-field-social', 'Pers text.');
      await perPage.waitForSelector('iup-stod-panel >> .conflict', { timeout: 10_000 });
      expect(await perPage.textContent('iup-stod-panel >> .conflict [data-side=mine]')).toBe('Pers text.');
      expect(await perPage.textContent('iup-stod-panel >> .conflict [data-side=theirs]')).toBe('Karins text.');
      expect((await serverIup(p.id)).sections.social).toBe('Karins text.');
      await perPage.click('iup-stod-panel >> .conflict button:has-text("Använd den sparade versionen")');
      await perPage.click('iup-stod-panel >> button:has-text("Spara mitt val")');
      await expect
        .poll(() => perPage.textContent('iup-stod-panel >> .sync'), { timeout: 10_000 })
        .toContain('Sparat på servern');
      expect((await serverIup(p.id)).sections.social).toBe('Karins text.');
    } finally {
      await second.close();
    }
  });

  it('lists the saved versions and restores an earlier one as a new version', async () => {
    const p = writable()[0]!;
    const before = await serverIup(p.id);
    const page = await pupilPage(p, 'history');
    await openPanel(page);
    await page.click('iup-stod-panel >> button:has-text("Stämmer")');
    await expect
      .poll(() => page.textContent('iup-stod-panel >> .sync'), { timeout: 10_000 })
      .toContain('Sparat på servern');
    await page.click('iup-stod-panel >> .history summary');
    await expect
      .poll(() => page.locator('iup-stod-panel >> .history li').count(), { timeout: 10_000 })
      .toBe(before.version);
    // Each version says who wrote it and when, and shows its text before any restore button;
    // the current version has no restore button.
    const items = page.locator('iup-stod-panel >> .history li');
    expect(await items.first().locator('button').count()).toBe(0);
    expect(await items.first().textContent()).toContain('Nuvarande version');
    const oldest = items.last();
    expect(await oldest.locator('.revision-line').textContent()).toMatch(/Karin .*\(|Karin/);
    expect(await oldest.locator('.revision-preview').textContent()).toContain(`${p.firstName} läser med flyt.`);
    expect(await oldest.locator('.revision-line').textContent()).toMatch(/\d{1,2} [a-zåäö]+\.? \d{4}/);
    // The oldest version is last; restoring it brings back its text (the scale was set later).
    await oldest.locator('button').click();
    await expect.poll(async () => (await serverIup(p.id)).version, { timeout: 10_000 }).toBe(before.version + 1);
    expect((await serverIup(p.id)).sections.omdomen[0].scale).toBeNull();
    await expect
      .poll(() => page.locator('iup-stod-panel >> #iup-field-omdome-SV-scale').inputValue(), { timeout: 10_000 })
      .toBe('');
    await page.close();
  });

  it('shows the team overview per class, and the pupils behind a bar', async () => {
    const report = (await call(karin, 'GET', '/v1/deadlines?scope=team&view=full')).body as {
      groups: { id: string; name: string; pupilIds: string[] }[];
      pupils: { id: string; worst: string | null; firstName: string; lastName: string }[];
    };
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${new URL(browser.worker.url()).host}/team.html`);
    await page.waitForSelector('.bar');
    expect(await page.locator('table.overview tbody tr').count()).toBe(report.groups.length);
    const group = report.groups.find((g) => g.pupilIds.length > 0)!;
    const row = page.locator('table.overview tbody tr', { has: page.locator(`th:text-is("${group.name}")`) });
    const segment = row.locator('.segment').first();
    const n = Number(await segment.textContent());
    await segment.click();
    await expect.poll(() => page.locator('section li').count()).toBe(n);
    const state = (await segment.getAttribute('class'))!.split(' ')[1];
    const expected = report.pupils
      .filter((x) => group.pupilIds.includes(x.id) && x.worst === state)
      .map((x) => `${x.firstName} ${x.lastName}`)
      .sort();
    expect((await page.locator('section li .pupil-name').allTextContents()).sort()).toEqual(expected);
    // Each pupil behind the bar says why (the state and the duty) in words.
    for (const text of await page.locator('section li').allTextContents()) expect(text).toMatch(/ – .+: /);
    // The legend is in the bars' order and colours: every segment's colour is its legend swatch's.
    const legend = await page
      .locator('.legend .swatch')
      .evaluateAll((els) => els.map((e) => ({ state: e.classList[1], colour: getComputedStyle(e).backgroundColor })));
    const segments = await page
      .locator('.bar .segment')
      .evaluateAll((els) => els.map((e) => ({ state: e.classList[1], colour: getComputedStyle(e).backgroundColor })));
    for (const seg of segments) expect(legend.find((l) => l.state === seg.state)?.colour).toBe(seg.colour);
    const order = legend.map((l) => l.state);
    const rowStates = await row.locator('.segment').evaluateAll((els) => els.map((e) => e.classList[1]!));
    expect(rowStates).toEqual([...rowStates].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    // A pupil opens in the panel on the platform's tab.
    const lms = await browser.context.newPage();
    await lms.goto(`${base}/demo/lms`);
    await page.bringToFront();
    const name = (await page.locator('section li .pupil-name').first().textContent())!.trim();
    await page.locator('section li button:has-text("Öppna i IUP-panelen")').first().click();
    await panelShows(lms, name);
    await lms.close();
    await page.close();
  });

  it('creates a share link the family opens without an account; their input shows in the panel; prints the plan', async () => {
    const p = writable()[6]!;
    const page = await pupilPage(p, 'share');
    await openPanel(page);
    await page.click('iup-stod-panel >> button:has-text("Stämmer")');
    await page.fill('iup-stod-panel >> #iup-field-omdome-MA', `${p.firstName} löser problem med utvecklade metoder.`);
    await expect
      .poll(() => page.textContent('iup-stod-panel >> .sync'), { timeout: 10_000 })
      .toContain('Sparat på servern');
    await page.click('iup-stod-panel >> summary:has-text("Inför samtalet")');
    await page.click('iup-stod-panel >> button:has-text("Skapa delningslänk")');
    const url = await (await page.waitForSelector('iup-stod-panel >> #share-url')).inputValue();
    expect(url).toMatch(new RegExp(`^${base}/share/[A-Za-z0-9_-]{40,}$`));
    // A family link offers the status "Delad", whose date counts for sharing before the samtal.
    await page.click('iup-stod-panel >> button:has-text("Sätt status Delad")');
    await expect.poll(async () => (await serverIup(p.id)).status, { timeout: 10_000 }).toBe('shared');
    await expect.poll(async () => (await serverIup(p.id)).sharedAt ?? null, { timeout: 10_000 }).not.toBeNull();
    // The family's side is a plain page: no token, no extension involved.
    const guardian = await browser.context.newPage();
    await guardian.goto(url);
    expect(await guardian.textContent('h1')).toBe('Individuell utvecklingsplan');
    expect(await guardian.textContent('main')).toContain(`${p.firstName} löser problem med utvecklade metoder.`);
    await guardian.fill('#comment-guardians', 'Vi vill prata om läxorna.');
    await guardian.click('#comment-guardians ~ button');
    await guardian.waitForSelector('p.notice[role=status]');
    await guardian.close();
    // The teacher reopens the section and reads it.
    await page.click('iup-stod-panel >> summary:has-text("Inför samtalet")');
    await page.click('iup-stod-panel >> summary:has-text("Inför samtalet")');
    await expect
      .poll(() => page.textContent('iup-stod-panel >> details.prepare'))
      .toContain('Vi vill prata om läxorna.');
    // Closing the link: the family's page says so.
    await page.click('iup-stod-panel >> button:has-text("Stäng länken")');
    await expect.poll(async () => (await fetch(url)).status).toBe(410);
    // Printing opens the extension's print page with the same plan.
    const printed = browser.context.waitForEvent('page');
    await page.click('iup-stod-panel >> button:has-text("Skriv ut")');
    const print = await printed;
    await print.waitForSelector('h1');
    expect(await print.textContent('main')).toContain(`${p.firstName} ${p.lastName}`);
    expect(await print.textContent('main')).toContain(`${p.firstName} löser problem med utvecklade metoder.`);
    expect(await print.textContent('dl.glossary')).toContain('utvecklade');
    await print.close();
    await page.close();
  });

  it('"Skicka till fältet" reaches an editor inside an iframe (TinyMCE classic), and falls back to the clipboard where insertion cannot be seen', async () => {
    const dist = join(ROOT, 'test/e2e/pages/dist');
    const page = await browser.context.newPage();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    // Editor pages served from the platform's origin (the site the teacher enabled).
    await page.route(`${base}/fixture/editor/**`, (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop()!;
      return name.endsWith('.js')
        ? route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(dist, name), 'utf8') })
        : route.fulfill({
            contentType: 'text/html',
            body: readFileSync(join(ROOT, 'test/e2e/pages', name), 'utf8').replace('src="dist/', 'src="'),
          });
    });
    const p = writable()[12]!;
    const words = `${p.firstName} tar ansvar för sina uppgifter.`;
    await page.goto(`${base}/fixture/editor/tinymce-iframe.html`);
    await page.waitForFunction(() => (window as any).editorReady === true);
    await openPanel(page);
    await page.fill('iup-stod-panel >> #iup-pupil-search', p.firstName);
    await page.click(`iup-stod-panel >> .pupil-results button:has-text("${p.firstName} ${p.lastName}")`);
    await expect.poll(() => page.isEditable('iup-stod-panel >> #iup-field-social')).toBe(true);
    await page.fill('iup-stod-panel >> #iup-field-social', words);
    // The teacher writes in the editor's iframe, then sends the panel's text after what she wrote.
    await page.click('iframe.tox-edit-area__iframe');
    await page.keyboard.type('Arbetar lugnt.');
    await page.click('iup-stod-panel >> .field:has(#iup-field-social) >> button:has-text("Skicka till fältet")');
    const model = () => page.evaluate(() => (window as any).modelText() as string);
    await expect.poll(model).toBe(`Arbetar lugnt. ${words}`);
    await expect.poll(() => page.textContent('iup-stod-panel >> .notice')).toBe(sv.panelSent!.message);

    // An editor that renders outside text away: not claimed as sent; the text is on the clipboard.
    await page.goto(`${base}/fixture/editor/stubborn.html`);
    await page.waitForFunction(() => (window as any).editorReady === true);
    await openPanel(page);
    await page.fill('iup-stod-panel >> #iup-pupil-search', p.firstName);
    await page.click(`iup-stod-panel >> .pupil-results button:has-text("${p.firstName} ${p.lastName}")`);
    await expect.poll(() => page.inputValue('iup-stod-panel >> #iup-field-social')).toBe(words);
    // Written already, so its section starts folded: the teacher opens it.
    await reveal(page, 'iup-field-social');
    await page.click('#editor');
    await page.keyboard.type('Start.');
    await page.click('iup-stod-panel >> .field:has(#iup-field-social) >> button:has-text("Skicka till fältet")');
    await expect.poll(() => page.textContent('iup-stod-panel >> .notice')).toBe(sv.insertCopied!.message);
    expect(await model()).toBe('Start.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(` ${words}`.trim());
    await page.close();
  });

  it('docks beside the platform at 1366 and 1024 px: the editor, the platform’s controls and the overlays never under the panel or each other', async () => {
    type Box = { x: number; y: number; width: number; height: number };
    const overlap = (a: Box, b: Box) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const p = writable()[13]!;
    for (const width of [1366, 1024]) {
      const page = await pupilPage(p, `dock-${width}`);
      await page.setViewportSize({ width, height: 768 });
      await openPanel(page);
      const panel = (await page.locator('iup-stod-panel >> aside.panel').boundingBox())!;
      expect(panel.x + panel.width).toBeCloseTo(width, 0);
      // The platform's own content narrows beside the panel: its editor, heading links and button.
      for (const selector of ['.ql-editor', 'header.top', 'button[type=submit]', 'h1'])
        for (const box of await page
          .locator(selector)
          .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON())))
          expect(box.right, `${selector} at ${width}`).toBeLessThanOrEqual(panel.x + 1);
      // Writing in the editor: the "Aa" button and the wording tips sit beside the field, not on the panel or on each other.
      await page.click('.ql-editor');
      await page.keyboard.type('Han glömmer alltid läxan och jämfört med sina kompisar läser han långsamt.', {
        delay: 2,
      });
      await page.waitForFunction(() => document.querySelector('iup-stod-wording') !== null, undefined, {
        timeout: 5000,
      });
      const aa = (await page.locator('iup-stod-open-button >> button').boundingBox())!;
      const pill = (await page.locator('iup-stod-wording >> button.pill').boundingBox())!;
      expect(overlap(aa, panel), `Aa on the panel at ${width}`).toBe(false);
      expect(overlap(pill, panel), `tips on the panel at ${width}`).toBe(false);
      expect(overlap(aa, pill), `Aa on the tips at ${width}`).toBe(false);
      // Closing gives the page its width back.
      await page.click(`iup-stod-panel >> button[aria-label="${sv.panelClose!.message}"]`);
      await expect.poll(() => page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
      await page.close();
    }
  });

  it('the palette knows the pupil the page shows: {namn} is filled without choosing, and the picker searches by name or class', async () => {
    const p = writable()[14]!;
    const page = await pupilPage(p, 'palette-pupil');
    await page.click('.ql-editor');
    await insertViaPalette(browser.worker, page, 'återberätta viktigaste');
    await expect
      .poll(() => page.evaluate(() => (window as any).demoLms.quill.getText() as string))
      .toContain(`${p.firstName} läser enkla texter med flyt och kan återberätta det viktigaste i dem.`);
    // The picker is a combobox: the page's pupil is shown as chosen, and typing finds others.
    await openPaletteByShortcut(browser.worker, page);
    const combo = page.locator('iup-stod-palette >> #iup-palette-pupil');
    expect(await combo.getAttribute('placeholder')).toContain(`${p.firstName} ${p.lastName}`);
    await page.keyboard.type('läser', { delay: 10 });
    await page.screenshot({
      path: join(ROOT, process.env.UPDATE_SCREENSHOTS ? 'test/e2e/screenshots' : 'test-results', 'palette.png'),
    });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Backspace');
    const other = writable().find((q) => q.id !== p.id && q.firstName !== p.firstName)!;
    await combo.focus();
    await page.keyboard.type(other.lastName, { delay: 10 });
    await expect
      .poll(() => page.locator('iup-stod-palette >> .pupil-list [role=option]').allTextContents())
      .toContainEqual(expect.stringContaining(`${other.firstName} ${other.lastName}`));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('keyboard: opening the panel moves focus into it; Esc closes it and puts the caret back in the platform’s field', async () => {
    const p = writable()[15]!;
    const page = await pupilPage(p, 'keyboard');
    await page.click('.ql-editor');
    await page.keyboard.type('Början.');
    await openPanel(page);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('iup-stod-panel')?.shadowRoot?.activeElement?.tagName))
      .toBe('H2');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('iup-stod-panel');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('iup-stod-panel >> aside.panel').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ql-editor'))).toBe(true);
    // The caret is where she left it: typing goes on after her text.
    await page.keyboard.type(' Slut.');
    expect(await page.evaluate(() => (window as any).demoLms.quill.getText() as string)).toBe('Början. Slut.\n');
    await page.close();
  });

  it('the popup triages: actions first, overdue before due soon with words and colour, and a name opens that pupil in the panel', async () => {
    const report = (await call(karin, 'GET', '/v1/deadlines?scope=me&view=full')).body as {
      pupils: { id: string; worst: string | null }[];
    };
    const overdue = report.pupils.filter((x) => x.worst === 'overdue').length;
    const soon = report.pupils.filter((x) => x.worst === 'due-soon').length;
    expect(overdue + soon).toBeGreaterThan(0);
    const lms = await browser.context.newPage();
    await lms.goto(`${base}/demo/lms`);
    const tabId = await browser.worker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)!.id!,
      lms.url(),
    );
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 480, height: 600 });
    await popup.goto(`chrome-extension://${new URL(browser.worker.url()).host}/popup.html?tab=${tabId}`);
    await popup.waitForSelector('.triage');
    // Actions come before the list, and fit in the popup's 600 px without scrolling.
    const actions = (await popup.locator('nav.actions').boundingBox())!;
    expect(actions.y + actions.height).toBeLessThan(600);
    const groups = await popup.locator('section.triage').evaluateAll((els) =>
      els.map((e) => ({
        cls: e.className,
        heading: e.querySelector('h3')!.textContent,
        items: [...e.querySelectorAll('li')].map((li) => li.className),
      })),
    );
    if (overdue) {
      expect(groups[0]!.cls).toContain('triage-overdue');
      expect(groups[0]!.heading).toContain('Försenat');
      expect(new Set(groups[0]!.items)).toEqual(new Set(['duty-overdue']));
    }
    if (soon) expect(groups.at(-1)!.heading).toContain('Snart dags');
    await popup.screenshot({
      path: join(ROOT, process.env.UPDATE_SCREENSHOTS ? 'test/e2e/screenshots' : 'test-results', 'popup.png'),
      fullPage: true,
    });
    const first = popup.locator('section.triage li button.link').first();
    const name = (await first.textContent())!.trim();
    await first.click();
    await lms.bringToFront();
    await panelShows(lms, name);
    await lms.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('the long panel has a table of contents, and a written section starts folded with "klart"', async () => {
    const p = writable()[16]!;
    const page = await pupilPage(p, 'toc');
    await openPanel(page);
    await page.click('iup-stod-panel >> button:has-text("Stämmer")');
    await reveal(page, 'iup-field-social');
    await page.fill('iup-stod-panel >> #iup-field-social', `${p.firstName} tar ansvar i grupparbeten.`);
    await expect
      .poll(() => page.textContent('iup-stod-panel >> .sync'), { timeout: 10_000 })
      .toContain('Sparat på servern');
    // Next time the panel opens for her, the written section is folded and says so.
    await page.reload();
    await openPanel(page);
    await page.click('iup-stod-panel >> button:has-text("Stämmer")');
    const social = page.locator('iup-stod-panel >> details.section:has(#iup-field-social)');
    await expect.poll(() => social.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await social.locator('> summary').textContent()).toContain('klart');
    // The contents jump: to the sharing part, which comes into view with focus in it.
    await page.click('iup-stod-panel >> nav.toc >> button:has-text("Dela inför samtalet")');
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelector('iup-stod-panel')!.shadowRoot!.activeElement?.closest('details')?.className ?? '',
        ),
      )
      .not.toBe('');
    const tocTexts = await page.locator('iup-stod-panel >> nav.toc button').allTextContents();
    expect(tocTexts).toEqual(expect.arrayContaining(['Dela inför samtalet', 'Historik']));
    await page.close();
  });

  it('asks which pupil when a page names several', async () => {
    const school = (await call(per, 'GET', '/v1/school')).body;
    const rules = [
      ...school.settings.pupilDetection,
      { urlPattern: '/fixture/klasslista', selector: 'li.elev', attribute: null, match: 'name' },
    ];
    expect(
      (await call(per, 'PATCH', '/v1/school', { settings: { ...school.settings, pupilDetection: rules } })).status,
    ).toBe(200);
    await syncNow();
    await expect
      .poll(
        async () =>
          (
            (await browser.worker.evaluate(() => chrome.storage.local.get('schoolSetup'))).schoolSetup as {
              pupilDetection: unknown[];
            }
          ).pupilDetection.length,
        { timeout: 10_000 },
      )
      .toBe(2);
    const [x, y] = writable() as [ApiPupil, ApiPupil];
    const page = await browser.context.newPage();
    await page.route(`${base}/fixture/klasslista`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><meta charset="utf-8"><ul><li class="elev">${x.firstName} ${x.lastName}</li><li class="elev">${y.firstName} ${y.lastName}</li></ul>`,
      }),
    );
    await page.goto(`${base}/fixture/klasslista`);
    await openPanel(page);
    await expect.poll(() => page.textContent('iup-stod-panel >> .detected')).toContain('flera elever');
    expect(await page.locator('iup-stod-panel >> .detected button').allTextContents()).toEqual([
      expect.stringContaining(`${x.firstName} ${x.lastName}`),
      expect.stringContaining(`${y.firstName} ${y.lastName}`),
    ]);
    await page.close();
  });

  it('shows the badge count and the pupil’s banner as the API computes them', async () => {
    const report = (await call(karin, 'GET', '/v1/deadlines?scope=me&view=full')).body as {
      pupils: { id: string; worst: string | null; duties: { state: string; reason: string }[] }[];
    };
    const urgent = report.pupils.filter((p) => p.worst === 'overdue' || p.worst === 'due-soon');
    await expect
      .poll(() => browser.worker.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 })
      .toBe(urgent.length ? String(urgent.length) : '');
    const withDuty = report.pupils.find(
      (p) =>
        p.duties.some((d) => ['overdue', 'due-soon', 'open'].includes(d.state)) &&
        pupils.some((q) => q.id === p.id && unique(q)),
    );
    if (!withDuty) return;
    const p = pupils.find((q) => q.id === withDuty.id)!;
    // The banner reads the duties the background cached from the API; wait until they are there.
    await expect
      .poll(
        async () => {
          const { deadlines } = await browser.worker.evaluate(() => chrome.storage.local.get('deadlines'));
          return (deadlines as { pupils: { id: string; duties: { state: string }[] }[] } | undefined)?.pupils
            .find((x) => x.id === p.id)
            ?.duties.some((d) => ['overdue', 'due-soon', 'open'].includes(d.state));
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const page = await pupilPage(p, 'banner');
    await page.waitForSelector('iup-stod-banner >> .banner', { timeout: 15_000 });
    const text = await page.textContent('iup-stod-banner >> .banner');
    expect(text).toContain(`${p.firstName} ${p.lastName}`);
    const first = withDuty.duties.find((d) => ['overdue', 'due-soon', 'open'].includes(d.state))!;
    expect(text).toContain(sv[first.reason]!.message);
    // At 1366 and 1024 px the bar covers none of the platform's controls and its button is one line.
    for (const width of [1366, 1024]) {
      await page.setViewportSize({ width, height: 768 });
      await page.waitForTimeout(100);
      const bar = (await page.locator('iup-stod-banner >> .banner').boundingBox())!;
      const button = (await page.locator('iup-stod-banner >> button:has-text("Öppna IUP-panelen")').boundingBox())!;
      expect(button.height, `button at ${width}`).toBeLessThan(36);
      const controls = await page
        .locator('header.top a, h1, .ql-editor, button[type=submit], .ql-toolbar button')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      for (const c of controls)
        expect(
          c.right <= bar.x || bar.x + bar.width <= c.left || c.bottom <= bar.y || bar.y + bar.height <= c.top,
          `the bar over a control at ${width}`,
        ).toBe(true);
    }
    await page.click('iup-stod-banner >> button:has-text("Öppna IUP-panelen")');
    await page.waitForSelector('iup-stod-panel >> aside.panel');
    await page.close();
  });
});
