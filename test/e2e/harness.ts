import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const E2E_OUT = join(ROOT, '.output', 'e2e', 'chrome-mv3');

export const chromiumAvailable = () => existsSync(CHROMIUM);

/** Headless Chromium as this machine runs it: no sandbox (root), no GPU, nothing fetched on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** A plain Chromium without the extension: a guardian's browser, a printer. */
export const launchPlainChromium = () =>
  chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is now. Evaluated through the debugging
 * protocol, so a page's CSP (the share page runs no script at all) stays in force.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
      }
    ).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** Build the extension as shipped, except that 127.0.0.1 is pre-granted (a permission prompt cannot be clicked in a test). */
export function buildE2eExtension(): string {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, IUP_E2E_HOSTS: 'http://127.0.0.1/*' },
  });
  return E2E_OUT;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

/** Serve test pages (and bundled editors) from a folder on 127.0.0.1; nothing leaves the machine. */
export async function servePages(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  close(): Promise<void>;
}

/** With `profileDir`, the profile survives `close()`: a browser restart keeps extension storage. */
export async function launchWithExtension(extensionDir: string, profileDir?: string): Promise<ExtensionBrowser> {
  const profile = profileDir ?? mkdtempSync(join(tmpdir(), 'iup-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    async close() {
      await context.close();
      if (!profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * What "Aktivera på den här webbplatsen" leaves behind once the browser has granted the host: the
 * overlay registered for 127.0.0.1 (the test build pre-grants it, since a permission prompt cannot
 * be clicked) and the exact origins enabled. `origins` are the test servers' origins, ports and
 * all. The real path through the popup is tested on its own (`site-activation.test.ts`).
 */
export async function activateSite(worker: Worker, origins: string[]): Promise<void> {
  await worker.evaluate(async (list) => {
    for (let i = 0; i < 100; i++) {
      const scripts = await chrome.scripting.getRegisteredContentScripts();
      if (scripts.some((s) => s.id === 'overlay:http://127.0.0.1')) {
        const { enabledSites } = await chrome.storage.local.get<{ enabledSites?: string[] }>('enabledSites');
        await chrome.storage.local.set({ enabledSites: [...new Set([...(enabledSites ?? []), ...list])] });
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the overlay was not registered for http://127.0.0.1');
  }, origins);
}

export async function seedPhrases(
  worker: Worker,
  phrases: { id: string; text: string; subject?: string | null }[],
): Promise<void> {
  await worker.evaluate(async (list) => {
    await chrome.storage.local.set({
      phraseCache: {
        phrases: list.map((p) => ({
          id: p.id,
          text: p.text,
          scope: 'team',
          teamId: null,
          subject: p.subject ?? null,
          aspect: 'knowledge',
          level: null,
          tags: [],
          status: 'approved',
          authorId: p.id,
          usageCount: 0,
          deleted: false,
          updatedAt: '2026-11-01T00:00:00Z',
        })),
        nextSince: null,
        syncedAt: null,
      },
    });
  }, phrases);
}

/**
 * What the keyboard shortcut does: the background asks the tab's frames to open the palette.
 * (Browser-level shortcuts cannot be pressed through CDP; the tab is found by its unique URL.)
 */
export async function openPaletteByShortcut(worker: Worker, page: Page): Promise<void> {
  await page.bringToFront();
  await worker.evaluate(async (url) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === url);
    if (!tab?.id) throw new Error(`no tab for ${url}`);
    await chrome.tabs.sendMessage(tab.id, { type: 'open-palette' });
  }, page.url());
  await waitInSomeFrame(page, PALETTE_FOCUSED);
}

// Focus moves into the palette's (closed) shadow root once its search box is ready for typing.
const PALETTE_FOCUSED = "document.activeElement?.tagName.toLowerCase() === 'iup-stod-palette'";
const PALETTE_GONE = "document.querySelector('iup-stod-palette') === null";

/** Poll every frame (TinyMCE's classic editor, and so the palette, live in an iframe). */
export async function waitInSomeFrame(page: Page, expression: string, timeout = 5000): Promise<void> {
  const t0 = Date.now();
  for (;;) {
    for (const frame of page.frames()) if (await frame.evaluate(expression).catch(() => false)) return;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for: ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Choose a phrase through the palette with the keyboard, as a teacher would. */
export async function insertViaPalette(worker: Worker, page: Page, query: string): Promise<void> {
  await openPaletteByShortcut(worker, page);
  await page.keyboard.type(query, { delay: 10 });
  await page.keyboard.press('Enter');
  for (const frame of page.frames())
    await frame.waitForFunction(PALETTE_GONE, undefined, { timeout: 5000 }).catch(() => undefined);
}

/** Wait until the overlay script runs in the page (it mounts nothing until needed, so probe with focus). */
export async function overlayReady(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const t0 = Date.now();
        const poll = () =>
          document.querySelector('iup-stod-open-button')
            ? resolve(true)
            : Date.now() - t0 > 3000
              ? resolve(false)
              : setTimeout(poll, 50);
        poll();
      }),
  );
}

/** Bundle the editor test pages' scripts from their npm packages, so no network is needed. */
export async function bundleEditors(): Promise<void> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: ['quill.ts', 'tiptap.ts', 'ckeditor.ts', 'tinymce.ts', 'react.tsx', 'slate.tsx', 'stubborn.ts'].map(
      (n) => join(import.meta.dirname, 'editors', n),
    ),
    outdir: join(import.meta.dirname, 'pages', 'dist'),
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
    loader: { '.css': 'empty' },
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}
