import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/**
 * Which sites get the overlay. The teacher enables an exact origin (`http://127.0.0.1:8787`,
 * `https://lms.skolan.se`); the browser is asked for, and the overlay registered with, the host's
 * port-less match pattern (`http://127.0.0.1/*`), because that is what both browsers match: Firefox
 * never matches a pattern that names a port, and Chrome reads a port-less pattern as every port.
 * The content script then checks the page's exact origin against the enabled list
 * (`isEnabledOrigin`), so another port on the same host stays untouched.
 */
export const enabledSitesItem = storage.defineItem<string[]>('local:enabledSites', { fallback: [] });

/** The match pattern both browsers match for an origin's host, any port. */
export const patternFor = (origin: string) => {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
};
const hostKey = (origin: string) => patternFor(origin).slice(0, -2);
const scriptId = (origin: string) => `overlay:${hostKey(origin)}`;

/** Whether the overlay should start on a page of `origin` (the content script's own check). */
export async function isEnabledOrigin(origin: string): Promise<boolean> {
  return (await enabledSitesItem.getValue()).includes(origin);
}

/**
 * Register the overlay for a host whose permission is granted. In every frame, including
 * about:blank/srcdoc ones, because TinyMCE edits inside such an iframe.
 */
export async function registerOverlay(origin: string): Promise<void> {
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) return;
  await browser.scripting.registerContentScripts([
    {
      id,
      matches: [patternFor(origin)],
      js: ['content-scripts/overlay.js'],
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
      ...({ matchOriginAsFallback: true } as object),
    },
  ]);
}

/**
 * Ask for access to one site and enable the overlay there. Must run in a user gesture (a button in
 * the popup): the browser shows its own permission prompt. True only once the overlay is
 * registered and the origin enabled, so "enabled" is never said of a site that gets nothing.
 */
export async function enableSite(origin: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [patternFor(origin)] });
  if (!granted) return false;
  await registerOverlay(origin);
  const enabled = await enabledSitesItem.getValue();
  if (!enabled.includes(origin)) await enabledSitesItem.setValue([...enabled, origin]);
  return isSiteEnabled(origin);
}

/** Turn the overlay off for the origin; the host's permission goes back when no other port of it is enabled. */
export async function disableSite(origin: string): Promise<void> {
  const remaining = (await enabledSitesItem.getValue()).filter((o) => o !== origin);
  await enabledSitesItem.setValue(remaining);
  if (remaining.some((o) => hostKey(o) === hostKey(origin))) return;
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.permissions.remove({ origins: [patternFor(origin)] });
}

export async function isSiteEnabled(origin: string): Promise<boolean> {
  const [enabled, registered, granted] = await Promise.all([
    isEnabledOrigin(origin),
    browser.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] }),
    browser.permissions.contains({ origins: [patternFor(origin)] }),
  ]);
  return enabled && registered.length > 0 && granted;
}

/**
 * The origins that stay enabled, given the host patterns the browser has granted. A site whose
 * host permission was revoked in the browser's settings goes. `enabled` is null before this
 * version first ran: an earlier version kept a site only as its granted pattern (with the port,
 * or without one for the default port), so each granted pattern enables its origin once, and a
 * teacher's sites survive the update. After that, a granted pattern enables nothing by itself:
 * the teacher who enabled `:8787` did not enable port 80.
 */
export function sitesToKeep(grantedPatterns: readonly string[], enabled: readonly string[] | null): string[] {
  const sitePatterns = grantedPatterns.filter((p) => /^https?:\/\/[^*/]+\/\*$/.test(p));
  const hosts = new Set(sitePatterns.map((p) => hostKey(p.slice(0, -1))));
  const carried = enabled === null ? sitePatterns.map((p) => new URL(p.slice(0, -1)).origin) : [];
  return [...new Set([...(enabled ?? []), ...carried])].filter((o) => hosts.has(hostKey(o)));
}

/**
 * Keep registrations, permissions and the enabled list in step: the teacher can revoke a site in
 * the browser's own settings, and some browsers drop registrations on restart.
 */
export async function reconcileSites(): Promise<void> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const stored = await storage.getItem<string[]>('local:enabledSites');
  const kept = sitesToKeep(granted, stored);
  if (stored === null || kept.length !== stored.length) await enabledSitesItem.setValue(kept);
  const hosts = new Set(kept.map(hostKey));

  const registered = await browser.scripting.getRegisteredContentScripts();
  for (const script of registered) {
    const host = script.id.startsWith('overlay:') ? script.id.slice('overlay:'.length) : null;
    if (host && !hosts.has(host)) await browser.scripting.unregisterContentScripts({ ids: [script.id] });
  }
  for (const host of hosts) await registerOverlay(host);
}
