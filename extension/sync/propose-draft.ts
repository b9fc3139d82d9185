import { storage } from 'wxt/utils/storage';

/** Text selected on a page ("Föreslå som fras") handed to the phrase bank page; this session only. */
export const proposeDraftItem = storage.defineItem<string | null>('session:proposeDraft', { fallback: null });
