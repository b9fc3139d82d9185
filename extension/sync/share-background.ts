import { browser } from 'wxt/browser';
import { OPEN_PRINT, SHARE_CREATE, SHARE_INFO, SHARE_REVOKE } from '../features/iup-panel/messages';
import { ApiClientError, apiClient } from './api-client';
import { isConfigured, settingsItem } from './settings';

type Message = { type?: string; pupilId?: string; schoolYear?: string; linkId?: string };

const explain = (err: unknown) => ({ ok: false as const, error: err instanceof ApiClientError ? err.kind : 'error' });

/**
 * Share links and printing for the panel. The API token stays in the background; the panel gets
 * the link's address once, to copy to the family.
 */
export function startShareRelay(): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as Message;
    if (m?.type === OPEN_PRINT && m.pupilId && m.schoolYear) {
      // The hash never reaches a server; the ids in it are opaque.
      return browser.tabs.create({ url: browser.runtime.getURL(`/print.html#${m.pupilId}|${m.schoolYear}`) }).then(() => ({ ok: true }));
    }
    if (![SHARE_INFO, SHARE_CREATE, SHARE_REVOKE].includes(m?.type ?? '')) return undefined;
    return settingsItem.getValue().then(async (settings) => {
      if (!isConfigured(settings)) return { ok: false, error: 'not-configured' };
      const api = apiClient(settings);
      if (m.type === SHARE_CREATE && m.pupilId && m.schoolYear) {
        const { path } = await api.createShareLink(m.pupilId, m.schoolYear);
        return { ok: true, url: `${settings.apiUrl}${path}` };
      }
      if (m.type === SHARE_REVOKE && m.linkId) {
        await api.revokeShareLink(m.linkId);
        return { ok: true };
      }
      if (m.type === SHARE_INFO && m.pupilId && m.schoolYear) {
        const [links, comments] = await Promise.all([api.shareLinks(m.pupilId), api.shareComments(m.pupilId, m.schoolYear)]);
        return { ok: true, links: links.links.filter((l) => l.schoolYear === m.schoolYear), comments: comments.comments };
      }
      return { ok: false, error: 'error' };
    }).catch(explain);
  });
}
