import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoApi, type DemoApi } from './demo-api';
import { E2E_OUT, chromiumAvailable, launchWithExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
let api: DemoApi;

beforeAll(async () => {
  api = await startDemoApi();
  browser = await launchWithExtension(E2E_OUT);
  await browser.worker.evaluate(async (s) => chrome.storage.local.set({ settings: s }), {
    apiUrl: api.url,
    token: api.seeded.adminToken,
    language: 'sv',
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const extensionId = () => new URL(browser.worker.url()).host;
const ROWS = 9000;
/** A municipality-sized file in Windows-1252, as many school systems export: larger than one request. */
function bigFile(): Buffer {
  const lines = ['Elev-ID;Förnamn;Efternamn;Klass;Årskurs'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`kommun-${i};Åsa${i};Öberg-Ärlig;${1 + (i % 6)}${'ABCD'[i % 4]};${1 + (i % 6)}`);
  return Buffer.from(lines.join('\r\n'), 'latin1');
}
const pupilCount = async () => {
  const res = await fetch(`${api.url}/v1/pupils?limit=1`, {
    headers: { authorization: `Bearer ${api.seeded.adminToken}` },
  });
  return ((await res.json()) as { total: number }).total;
};

describe.skipIf(!chromiumAvailable())('the roster upload page', () => {
  it('checks the whole file, previews, then imports in batches with progress; å ä ö survive', async () => {
    const before = await pupilCount();
    const page = await browser.context.newPage();
    const imports: boolean[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/v1/roster/import'))
        imports.push((JSON.parse(r.postData() ?? '{}') as { dryRun: boolean }).dryRun);
    });
    await page.goto(`chrome-extension://${extensionId()}/roster-import.html`);
    await page.setInputFiles('#roster-file', { name: 'elever.csv', mimeType: 'text/csv', buffer: bigFile() });
    await expect
      .poll(() => page.textContent('main'))
      .toContain(`Teckenkodning windows-1252, avgränsare ";", ${ROWS} rader.`);
    expect(await page.textContent('table.columns')).toContain('Årskurs');
    await page.click('button:has-text("Förhandsgranska")');
    await page.waitForSelector('#roster-preview', { timeout: 60_000 });
    expect(await page.textContent('ul.counts')).toContain(`Nya elever: ${ROWS}`);
    expect(await pupilCount()).toBe(before);
    // Progress is shown while the batches go (recorded as it happens: a fast import ends quickly).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const p = document.querySelector('#roster-progress');
        if (p?.textContent && !seen.includes(p.textContent)) seen.push(p.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.click('button:has-text("Importera")');
    await page.waitForSelector('#roster-done', { timeout: 120_000 });
    const progress = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progress[0]).toMatch(new RegExp(`^0 av ${ROWS} rader \\(del 0 av \\d\\)`));
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatch(new RegExp(`^${ROWS} av ${ROWS} rader`));
    expect(await page.textContent('#roster-done')).toBe('Importen är klar');
    expect(await page.textContent('ul.counts')).toContain(`Nya elever: ${ROWS}`);
    expect(await pupilCount()).toBe(before + ROWS);
    // More than one request each for the preview and the import.
    expect(imports.filter((d) => d).length).toBeGreaterThan(1);
    expect(imports.filter((d) => !d).length).toBe(imports.filter((d) => d).length);
    const named = await fetch(`${api.url}/v1/pupils?limit=500&arskurs=1`, {
      headers: { authorization: `Bearer ${api.seeded.adminToken}` },
    });
    expect(JSON.stringify(await named.json())).toContain('Öberg-Ärlig');
    await page.close();
  }, 240_000);

  it('lists every bad row before anything is sent, and offers no import', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${extensionId()}/roster-import.html`);
    const file =
      'Elev-ID;Förnamn;Efternamn;Klass;Årskurs\nx-1;Ada;Ek;3A;3\nx-2;Bo;;3A;3\nx-3;Cy;Al;3A;tolv\nx-4;Di;Ok;3A;\n';
    await page.setInputFiles('#roster-file', { name: 'fel.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.waitForSelector('[role=alert]');
    const alert = await page.textContent('[role=alert]');
    expect(alert).toContain('3 problem');
    // In Swedish, with the field's Swedish name and what to write instead — no internal keys.
    expect(alert).toContain('Rad 2 (efternamn): tomt');
    expect(alert).toContain('Rad 3 (årskurs): ”tolv” är ingen årskurs – ange F eller 0–10');
    expect(alert).toContain('Rad 4 (årskurs): tomt – ange F eller 0–10');
    expect(alert).not.toMatch(/lastName|arskurs\)|empty/);
    expect(await page.locator('button:has-text("Förhandsgranska")').count()).toBe(0);
    await page.close();
  });
});
