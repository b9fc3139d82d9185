import { AgreedMissing, type IupDocument } from '../../shared/schemas/iup';
import { mergeSections } from '../../shared/iup/three-way-merge';
import { IupConflictDetails } from '../../shared/schemas/responses';
import { ApiClientError, type ApiClient } from './api-client';
import {
  allDraftKeys,
  draftKey,
  getDraftSync,
  getDraftText,
  setDraftSync,
  setDraftText,
  type DraftSync,
  type DraftText,
} from './draft-store';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function acknowledged(sync: DraftSync, doc: IupDocument, sentSeq: number, now: string): DraftSync {
  return {
    ...sync,
    documentId: doc.id,
    baseVersion: doc.version,
    syncedEditSeq: sentSeq,
    serverStatus: doc.status,
    statusChangedBy: doc.statusChangedBy,
    statusChangedAt: doc.statusChangedAt,
    state: 'saved',
    conflict: null,
    error: null,
    syncedAt: now,
    statusRefused: null,
  };
}

export type OutboxResult = 'synced' | 'offline' | 'stopped';

/**
 * What the sends did beyond saving text: a new IUP or a new status can change the teacher's
 * duties (the badge); text alone cannot, so an autosave need not ask for the deadlines again.
 */
export interface SyncEffects {
  dutiesMayChange: boolean;
}

/**
 * Send one draft's latest local text to the API with the version it was based on. A 409 (someone
 * else saved meanwhile) becomes a conflict the teacher resolves; nothing is overwritten. Offline,
 * the draft stays queued with "saved locally".
 */
export async function syncDraft(
  api: ApiClient,
  key: string,
  now = () => new Date().toISOString(),
  seen: SyncEffects = { dutiesMayChange: false },
): Promise<OutboxResult> {
  const text = await getDraftText(key);
  let sync = await getDraftSync(key);
  if (!text || sync.state === 'conflict') return 'synced';
  // A refused status is asked for again only once the text has changed (it may now be whole).
  const refusedAsIs = sync.statusRefused?.status === text.status && text.editSeq <= sync.syncedEditSeq;
  const statusPending = sync.serverStatus !== null && text.status !== sync.serverStatus && !refusedAsIs;
  if (text.editSeq <= sync.syncedEditSeq && !statusPending && sync.documentId) return 'synced';
  const sentSeq = text.editSeq;
  try {
    if (!sync.documentId) {
      const existing = await api.findIup(text.pupilId, text.schoolYear);
      if (existing) {
        // Someone else started this IUP: never overwrite it with text written without seeing it.
        if (!same(existing.sections, text.sections)) {
          await setDraftSync(key, {
            ...sync,
            documentId: existing.id,
            serverStatus: existing.status,
            state: 'conflict',
            conflict: existing,
            error: null,
          });
          return 'synced';
        }
        await setDraftSync(key, acknowledged(sync, existing, sentSeq, now()));
        return 'synced';
      }
      const created = await api.createIup(text.pupilId, text.schoolYear, text.sections);
      seen.dutiesMayChange = true;
      sync = acknowledged(sync, created, sentSeq, now());
      await setDraftSync(key, sync);
      if (text.status === 'draft') return 'synced';
    }
    const statusChange = text.status !== sync.serverStatus;
    let doc: IupDocument;
    let refused: DraftSync['statusRefused'] = null;
    try {
      doc = await api.saveIup(sync.documentId!, sync.baseVersion!, {
        sections: text.sections,
        ...(statusChange ? { status: text.status } : {}),
      });
    } catch (err) {
      // "Agreed" refused because parts are missing: the text is still saved, and the panel lists
      // what is missing instead of the save failing over and over.
      const missing = err instanceof ApiClientError && err.status === 400 ? AgreedMissing.safeParse(err.details) : null;
      if (!statusChange || !missing?.success) throw err;
      doc = await api.saveIup(sync.documentId!, sync.baseVersion!, { sections: text.sections });
      refused = { status: text.status, missing: missing.data.missing };
    }
    if (statusChange && !refused) seen.dutiesMayChange = true;
    const latest = await getDraftSync(key);
    await setDraftSync(key, { ...acknowledged(latest, doc, sentSeq, now()), state: 'saved', statusRefused: refused });
    return 'synced';
  } catch (err) {
    if (err instanceof ApiClientError && err.status === 409) {
      // The API's conflict body, parsed like every answer: a malformed one is no document to merge with.
      const details = IupConflictDetails.safeParse(err.details).data;
      const current = details?.current ?? null;
      // Two teachers writing different parts (a subject teacher's omdöme, the mentor's plan) are
      // merged without asking; only the same text changed by both reaches the conflict view.
      if (current && (await mergeTheirs(api, key, current, now))) return syncDraft(api, key, now, seen);
      const latest = await getDraftSync(key);
      await setDraftSync(key, {
        ...latest,
        state: 'conflict',
        conflict: current,
        conflictSavedBy: details?.savedByName ?? null,
        error: null,
      });
      return 'synced';
    }
    if (err instanceof ApiClientError && err.kind === 'network') {
      const latest = await getDraftSync(key);
      await setDraftSync(key, { ...latest, state: 'saved-locally', error: null });
      return 'offline';
    }
    const latest = await getDraftSync(key);
    await setDraftSync(key, { ...latest, state: 'error', error: err instanceof Error ? err.message : 'error' });
    return err instanceof ApiClientError && err.kind === 'unauthorized' ? 'stopped' : 'synced';
  }
}

/**
 * Merge the server's newer version into the local draft, three-way from the version the draft
 * started on. True when every field (and the status) merged cleanly: the draft then holds both
 * writers' changes, based on the server's version, ready to be sent. False: a real conflict.
 */
async function mergeTheirs(api: ApiClient, key: string, current: IupDocument, now: () => string): Promise<boolean> {
  const sync = await getDraftSync(key);
  if (sync.documentId !== current.id || sync.baseVersion === null) return false;
  const base = (await api.iupRevisions(current.id).catch(() => null))?.revisions.find(
    (r) => r.version === sync.baseVersion,
  );
  if (!base) return false;
  // The teacher may type while the history is fetched: merge what is newest, a few times at most.
  for (let attempt = 0; attempt < 3; attempt++) {
    const text = await getDraftText(key);
    if (!text) return false;
    const { merged, conflicts } = mergeSections(base.sections, text.sections, current.sections);
    const status = text.status === base.status ? current.status : current.status === base.status ? text.status : null;
    if (conflicts.length > 0 || (status === null && text.status !== current.status)) return false;
    const latest = await getDraftText(key);
    if (latest?.editSeq !== text.editSeq) continue;
    await setDraftText(key, {
      ...text,
      sections: merged,
      status: status ?? text.status,
      editSeq: text.editSeq + 1,
      changedAt: now(),
    });
    await setDraftSync(key, {
      ...sync,
      baseVersion: current.version,
      serverStatus: current.status,
      statusChangedBy: current.statusChangedBy,
      statusChangedAt: current.statusChangedAt,
      state: 'saved-locally',
      conflict: null,
    });
    return true;
  }
  return false;
}

/** Every queued draft, oldest change first; stops at the first network failure (offline). */
export async function syncAllDrafts(
  api: ApiClient,
): Promise<{ pending: number; offline: boolean; dutiesMayChange: boolean }> {
  let offline = false;
  const seen: SyncEffects = { dutiesMayChange: false };
  for (const key of await allDraftKeys()) {
    const result = await syncDraft(api, key, undefined, seen);
    if (result !== 'synced') {
      offline = result === 'offline';
      break;
    }
  }
  let pending = 0;
  for (const key of await allDraftKeys()) {
    const [t, s] = await Promise.all([getDraftText(key), getDraftSync(key)]);
    if (t && (t.editSeq > s.syncedEditSeq || s.state === 'conflict')) pending++;
    // Offline stops the queue at its first draft; the ones behind it are just as unsent, and the
    // teacher should see "saved locally" on them too, not the state of their last successful sync.
    if (offline && t && t.editSeq > s.syncedEditSeq && s.state === 'saved')
      await setDraftSync(key, { ...s, state: 'saved-locally' });
  }
  return { pending, offline, dutiesMayChange: seen.dutiesMayChange };
}

/**
 * Open a pupil's IUP for writing: unsynced local text always wins (it is never replaced by the
 * server's); otherwise the server's latest becomes the local draft.
 */
export async function loadDraft(
  api: ApiClient,
  pupilId: string,
  schoolYear: string,
  now = () => new Date().toISOString(),
): Promise<void> {
  const key = draftKey(pupilId, schoolYear);
  const [text, sync] = await Promise.all([getDraftText(key), getDraftSync(key)]);
  if (text && (text.editSeq > sync.syncedEditSeq || sync.state === 'conflict')) return;
  const doc = await api.findIup(pupilId, schoolYear);
  if (!doc) return;
  // A newer server copy counts as a change, so open panels (which take only newer edits) show it.
  const changed = !text || !same(text.sections, doc.sections) || text.status !== doc.status;
  const seq = (text?.editSeq ?? 0) + (changed && text ? 1 : 0);
  const local: DraftText = {
    pupilId,
    schoolYear,
    sections: doc.sections,
    status: doc.status,
    editSeq: seq,
    changedAt: text?.changedAt ?? now(),
  };
  await setDraftText(key, local);
  await setDraftSync(key, acknowledged(sync, doc, seq, now()));
}

/**
 * The teacher resolved a conflict: the text now in the draft (mine, theirs or merged by hand)
 * is saved on top of the server's version she has seen.
 */
export async function resolveConflict(api: ApiClient, key: string): Promise<OutboxResult> {
  const sync = await getDraftSync(key);
  if (sync.state !== 'conflict' || !sync.conflict) return 'synced';
  await setDraftSync(key, {
    ...sync,
    documentId: sync.conflict.id,
    baseVersion: sync.conflict.version,
    serverStatus: sync.conflict.status,
    state: 'saved-locally',
    conflict: null,
  });
  return syncDraft(api, key);
}
