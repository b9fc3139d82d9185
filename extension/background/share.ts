import { browser } from 'wxt/browser';
import type { BackgroundHandlers } from '../messaging/dispatch';
import { withApi } from './with-api';

/**
 * Share links and printing for the panel. The API token stays in the background; the panel gets
 * the link's address once, to copy to the family.
 */
export const shareHandlers = {
  'share-info': ({ pupilId, schoolYear }) =>
    withApi(async (api) => {
      const [links, comments] = await Promise.all([api.shareLinks(pupilId), api.shareComments(pupilId, schoolYear)]);
      return { links: links.links.filter((l) => l.schoolYear === schoolYear), comments: comments.comments };
    }),
  'share-create': ({ pupilId, schoolYear, label }) =>
    withApi(async (api, settings) => {
      const { path } = await api.createShareLink(pupilId, schoolYear, label);
      return { url: `${settings.apiUrl}${path}` };
    }),
  'share-revoke': ({ linkId }) =>
    withApi(async (api) => {
      await api.revokeShareLink(linkId);
      return {};
    }),
  // The hash never reaches a server; the ids in it are opaque.
  'open-print': async ({ pupilId, schoolYear }) => {
    await browser.tabs.create({ url: browser.runtime.getURL(`/print.html#${pupilId}|${schoolYear}`) });
    return { ok: true as const };
  },
} satisfies Partial<BackgroundHandlers>;
