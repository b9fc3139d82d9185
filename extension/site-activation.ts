import { browser } from 'wxt/browser';

/** The match pattern for a site: every page of its origin. */
export const patternFor = (origin: string) => `${new URL(origin).origin}/*`;
const scriptId = (origin: string) => `overlay:${new URL(origin).origin}`;

/**
 * Register the overlay for an origin whose host permission is granted. In every frame, including
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
 * Ask for access to one site and enable the overlay there. Must run in a user gesture (the popup's
 * button): the browser shows its own permission prompt.
 */
export async function enableSite(origin: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [patternFor(origin)] });
  if (granted) await registerOverlay(origin);
  return granted;
}

/** Remove the overlay and give the permission back. */
export async function disableSite(origin: string): Promise<void> {
  const id = scriptId(origin);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.permissions.remove({ origins: [patternFor(origin)] });
}

export async function isSiteEnabled(origin: string): Promise<boolean> {
  const [registered, granted] = await Promise.all([
    browser.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] }),
    browser.permissions.contains({ origins: [patternFor(origin)] }),
  ]);
  return registered.length > 0 && granted;
}

/**
 * Keep registrations and permissions in step: the teacher can revoke a site in the browser's own
 * settings, and some browsers drop registrations on restart.
 */
export async function reconcileSites(): Promise<void> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const origins = new Set(
    granted.filter((p) => /^https?:\/\/[^*]+\/\*$/.test(p)).map((p) => new URL(p.slice(0, -1)).origin),
  );
  const registered = await browser.scripting.getRegisteredContentScripts();
  for (const script of registered) {
    const origin = script.id.startsWith('overlay:') ? script.id.slice('overlay:'.length) : null;
    if (origin && !origins.has(origin)) await browser.scripting.unregisterContentScripts({ ids: [script.id] });
  }
  for (const origin of origins) await registerOverlay(origin);
}
