import { storage } from 'wxt/utils/storage';

/**
 * What lasts for the browser session only. Read by the background and the extension's own pages,
 * never by a content script: Firefox gives content scripts no `storage.session` (Chrome only to
 * trusted contexts), and WXT reads every defined item once as soon as its module loads, so merely
 * bundling this file into the overlay fails on every LMS page. `npm run lint` forbids the path
 * (dependency-cruiser, `session-storage-not-in-pages`).
 */

/** The pupil chosen in the palette, so the teacher picks once per pupil, not per phrase. */
export const chosenPupilItem = storage.defineItem<string | null>('session:chosenPupil', { fallback: null });

/** Text selected on a page ("Föreslå som fras") handed to the phrase bank page. */
export const proposeDraftItem = storage.defineItem<string | null>('session:proposeDraft', { fallback: null });

/**
 * Per tab, the frame whose platform field the teacher focused last (tab id → frame id), so
 * "Skicka till fältet" reaches an editor inside an iframe. Session storage, because the
 * background may be stopped between the click in the field and the click in the panel.
 */
export const lastFieldFrameItem = storage.defineItem<Record<string, number>>('session:lastFieldFrame', {
  fallback: {},
});
