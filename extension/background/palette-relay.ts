import type { BackgroundHandlers } from '../messaging/dispatch';
import { sendToTab } from '../messaging/send';
import { chosenPupilItem, lastFieldFrameItem } from '../sync/session-items';

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
  'field-focused': async (_payload, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId === undefined) return true;
    const frames = await lastFieldFrameItem.getValue();
    if (frames[tabId] !== sender.frameId) await lastFieldFrameItem.setValue({ ...frames, [tabId]: sender.frameId });
    return true;
  },
  'return-to-field': async (_payload, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return false;
    const frameId = (await lastFieldFrameItem.getValue())[tabId] ?? 0;
    return sendToTab(tabId, frameId, 'restore-field').then(
      (ok) => ok === true,
      () => false,
    );
  },
  'send-to-field': async ({ text }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return { ok: false, reason: 'no-field' };
    const frameId = (await lastFieldFrameItem.getValue())[tabId] ?? 0;
    const inTop = () => sendToTab(tabId, 0, 'insert-in-field', { text });
    // A frame that has gone since (the editor was closed, the page navigated) falls back to the top frame.
    return sendToTab(tabId, frameId, 'insert-in-field', { text }).then(
      (outcome) => outcome ?? inTop(),
      () => (frameId === 0 ? { ok: false as const, reason: 'no-field' as const } : inTop()),
    );
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

/** A closed tab's remembered frame goes with it. */
export async function forgetTabField(tabId: number): Promise<void> {
  const frames = await lastFieldFrameItem.getValue();
  if (!(tabId in frames)) return;
  const { [tabId]: _gone, ...rest } = frames;
  await lastFieldFrameItem.setValue(rest);
}
