import { storage } from 'wxt/utils/storage';
import type { AgreedMissing, IupDocument, IupSections, IupStatus } from '../../shared/schemas/iup';

/**
 * A draft IUP is kept in two storage keys with one writer each, so the panel (content script)
 * and the background (sync) never overwrite each other's fields:
 * - `draftText:<pupil>|<läsår>`: what the teacher wrote, written by the panel on every change;
 * - `draftSync:<pupil>|<läsår>`: the server side of it, written by the background only.
 */
export interface DraftText {
  pupilId: string;
  schoolYear: string;
  sections: IupSections;
  status: IupStatus;
  /** +1 per local change; the background sends the latest and remembers which one it acknowledged. */
  editSeq: number;
  changedAt: string;
}

export type SyncState = 'saved-locally' | 'saved' | 'conflict' | 'error';

export interface DraftSync {
  documentId: string | null;
  /** The server version the local text is based on (sent as the expected version). */
  baseVersion: number | null;
  /** The highest editSeq the server has acknowledged. */
  syncedEditSeq: number;
  serverStatus: IupStatus | null;
  /** Who set the server's status, and when (from the API's document). */
  statusChangedBy: string | null;
  statusChangedAt: string | null;
  state: SyncState;
  /** On a 409: the server's current document, shown beside the teacher's text. */
  conflict: IupDocument | null;
  /** Who saved the server's version in a conflict, when the API said. */
  conflictSavedBy?: string | null;
  error: string | null;
  syncedAt: string | null;
  /**
   * A status the API refused (agreed before the IUP is whole and a samtal held), with what is
   * missing; the text was saved without it. Optional: drafts stored before it existed lack it.
   */
  statusRefused?: { status: IupStatus; missing: AgreedMissing['missing'] } | null;
}

export const draftKey = (pupilId: string, schoolYear: string) => `${pupilId}|${schoolYear}`;
const textKey = (key: string) => `local:draftText:${key}` as const;
const syncKey = (key: string) => `local:draftSync:${key}` as const;

export const emptySync = (): DraftSync => ({
  documentId: null,
  baseVersion: null,
  syncedEditSeq: 0,
  serverStatus: null,
  statusChangedBy: null,
  statusChangedAt: null,
  state: 'saved',
  conflict: null,
  error: null,
  syncedAt: null,
});

export const getDraftText = (key: string) => storage.getItem<DraftText>(textKey(key));
export const setDraftText = (key: string, text: DraftText) => storage.setItem(textKey(key), text);
export const getDraftSync = async (key: string) => (await storage.getItem<DraftSync>(syncKey(key))) ?? emptySync();
export const setDraftSync = (key: string, sync: DraftSync) => storage.setItem(syncKey(key), sync);

/** Every draft key with local text, oldest change first: the order the outbox sends them in. */
export async function allDraftKeys(): Promise<string[]> {
  const all = await storage.snapshot('local');
  return Object.entries(all)
    .filter(([k]) => k.startsWith('draftText:'))
    .sort(([, a], [, b]) => String((a as DraftText).changedAt).localeCompare(String((b as DraftText).changedAt)))
    .map(([k]) => k.slice('draftText:'.length));
}

/** Watch one draft's two keys (other tabs, the background's sync) to keep the panel current. */
export function watchDraft(
  key: string,
  onText: (t: DraftText | null) => void,
  onSync: (s: DraftSync) => void,
): () => void {
  const a = storage.watch<DraftText>(textKey(key), (t) => onText(t));
  const b = storage.watch<DraftSync>(syncKey(key), (s) => onSync(s ?? emptySync()));
  return () => {
    a();
    b();
  };
}

/** Whether the teacher has changes the server has not acknowledged. */
export const hasUnsyncedChanges = (text: DraftText | null, sync: DraftSync) =>
  text !== null && text.editSeq > sync.syncedEditSeq;
