import type { BackgroundHandlers } from '../messaging/dispatch';
import { sendToTab } from '../messaging/send';
import { chosenPupilItem } from '../sync/session-items';

/**
 * The palette for a field inside an iframe is shown in the top frame (see the palette feature);
 * the background carries the request up and the answer back down, by frame id.
 */
export const paletteHandlers = {
  'palette-request': async (_payload, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined || sender.frameId === 0) return false;
    // False when the top frame has no overlay (another origin): the frame shows its own.
    return sendToTab(tabId, 0, 'palette-show', { sourceFrameId: sender.frameId }).then(
      (shown) => shown === true,
      () => false,
    );
  },
  'palette-result': async ({ sourceFrameId, phraseId, text }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return false;
    return sendToTab(tabId, sourceFrameId, 'palette-result', { phraseId, text }).then(
      () => true,
      () => false,
    );
  },
  // The pupil chosen in the palette is remembered here, for the browser session, and never in the
  // page: Firefox gives content scripts no session storage, and the page must not read it.
  'chosen-pupil-get': async () => chosenPupilItem.getValue(),
  'chosen-pupil-set': async ({ pupilId }) => {
    await chosenPupilItem.setValue(pupilId);
    return true as const;
  },
  'open-panel-here': async (_payload, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return false;
    return sendToTab(tabId, 0, 'open-panel').then(
      (opened) => opened === true,
      () => false,
    );
  },
} satisfies Partial<BackgroundHandlers>;
