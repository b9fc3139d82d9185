import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptySections } from '../../shared/schemas/iup';
import { withFieldText } from '../../shared/iup/section-fields';
import { createTestApi, type TestApi } from '../../worker/testing/fixture';
import { apiClient } from './api-client';
import { draftKey, getDraftSync, getDraftText, setDraftText, type DraftText } from './draft-store';
import { loadDraft, resolveConflict, syncAllDrafts } from './draft-sync';

let t: TestApi;
let online = true;
const YEAR = '2026/27';
const api = () =>
  apiClient({
    apiUrl: 'http://api.test',
    token: t.a.tokens.teacherA,
    // Offline is a fetch that fails, as in the browser when the server is unreachable.
    fetch: (url: RequestInfo | URL, init?: RequestInit) =>
      online
        ? t.fetch(String(url).replace('http://api.test', ''), init)
        : Promise.reject(new TypeError('Failed to fetch')),
  });

async function write(pupilId: string, text: string, field = 'omdome:SV') {
  const key = draftKey(pupilId, YEAR);
  const prev = await getDraftText(key);
  const next: DraftText = {
    pupilId,
    schoolYear: YEAR,
    sections: withFieldText(prev?.sections ?? emptySections(), field, text),
    status: prev?.status ?? 'draft',
    editSeq: (prev?.editSeq ?? 0) + 1,
    changedAt: new Date().toISOString(),
  };
  await setDraftText(key, next);
  return key;
}

const serverText = async (pupilId: string) =>
  (await t.call(t.a.tokens.teacherA, 'GET', `/v1/iups?pupilId=${pupilId}&schoolYear=${encodeURIComponent(YEAR)}`)).body;

beforeEach(async () => {
  fakeBrowser.reset();
  online = true;
  t = await createTestApi();
});

describe('the draft outbox', () => {
  it('a refused "agreed" still saves the text, lists what is missing, and is asked again after the next edit', async () => {
    const key = await write(t.a.pupilA, 'Saga läser med flyt.');
    await syncAllDrafts(api());
    const text = (await getDraftText(key))!;
    await setDraftText(key, { ...text, status: 'agreed', editSeq: text.editSeq + 1 });
    await write(t.a.pupilA, 'Saga läser med flyt och berättar om boken.');
    await syncAllDrafts(api());
    const sync = await getDraftSync(key);
    expect(sync.state).toBe('saved');
    expect(sync.serverStatus).toBe('draft');
    expect(sync.statusRefused?.missing.map((m) => m.part)).toEqual(['planning', 'planning', 'planning', 'held-samtal']);
    const doc = await serverText(t.a.pupilA);
    expect(doc.sections.omdomen[0].text).toBe('Saga läser med flyt och berättar om boken.');
    // Nothing new: no request is repeated for the refused status.
    const before = doc.version;
    await syncAllDrafts(api());
    expect((await serverText(t.a.pupilA)).version).toBe(before);
  });

  it('creates the IUP on the first sync and saves later edits as new versions', async () => {
    const key = await write(t.a.pupilA, 'Saga läser med flyt.');
    expect((await getDraftSync(key)).syncedEditSeq).toBe(0);
    // A new IUP can change the teacher's duties; the badge is asked again.
    expect(await syncAllDrafts(api())).toEqual({ pending: 0, offline: false, dutiesMayChange: true });
    await write(t.a.pupilA, 'Saga läser med flyt. Nästa steg är dialog.');
    // Text alone cannot: no deadline request after an autosave.
    expect(await syncAllDrafts(api())).toEqual({ pending: 0, offline: false, dutiesMayChange: false });
    const doc = await serverText(t.a.pupilA);
    expect(doc.version).toBe(2);
    expect(doc.sections.omdomen).toEqual([
      { subject: 'SV', text: 'Saga läser med flyt. Nästa steg är dialog.', scale: null },
    ]);
    expect(await getDraftSync(key)).toMatchObject({ state: 'saved', baseVersion: 2, syncedEditSeq: 2 });
  });

  it('keeps everything locally while offline and sends it, oldest first, when the server is back', async () => {
    online = false;
    const first = await write(t.a.pupilA, 'Första texten.');
    const second = await write(t.a.pupilMarked, 'Andra eleven.');
    await write(t.a.pupilA, 'Första texten, ändrad.');
    expect(await syncAllDrafts(api())).toMatchObject({ pending: 2, offline: true });
    // Both are unsent, whichever the queue tried first.
    expect((await getDraftSync(first)).state).toBe('saved-locally');
    expect((await getDraftSync(second)).state).toBe('saved-locally');
    online = true;
    expect(await syncAllDrafts(api())).toMatchObject({ pending: 0, offline: false });
    expect((await serverText(t.a.pupilA)).sections.omdomen[0].text).toBe('Första texten, ändrad.');
    expect((await serverText(t.a.pupilMarked)).sections.omdomen[0].text).toBe('Andra eleven.');
  });

  it('merges someone else’s newer version of other parts without asking: both writers’ texts are kept', async () => {
    const key = await write(t.a.pupilA, 'Min första text.');
    await syncAllDrafts(api());
    const doc = await serverText(t.a.pupilA);
    // A subject teacher adds her omdöme in maths while the mentor goes on with Swedish.
    const theirs = withFieldText(doc.sections, 'omdome:MA', 'Saga räknar säkert med tiotal.');
    expect((await t.call(t.a.tokens.leadA, 'PUT', `/v1/iups/${doc.id}`, { version: 1, sections: theirs })).status).toBe(
      200,
    );
    await write(t.a.pupilA, 'Min andra text.');
    await syncAllDrafts(api());
    const sync = await getDraftSync(key);
    expect(sync.state).toBe('saved');
    const saved = await serverText(t.a.pupilA);
    expect(saved.version).toBe(3);
    expect(saved.sections.omdomen.map((o: { subject: string; text: string }) => [o.subject, o.text])).toEqual([
      ['SV', 'Min andra text.'],
      ['MA', 'Saga räknar säkert med tiotal.'],
    ]);
    // The local draft holds both too, so the next save keeps the maths omdöme.
    expect((await getDraftText(key))?.sections.omdomen.map((o) => o.subject)).toEqual(['SV', 'MA']);
  });

  // Changed: any newer version used to give a conflict; now only the same text changed by both does.
  it('turns a save over someone else’s change of the same text into a conflict, and saves the teacher’s resolution on top', async () => {
    const key = await write(t.a.pupilA, 'Min första text.');
    await syncAllDrafts(api());
    const doc = await serverText(t.a.pupilA);
    // The team lead edits the same IUP elsewhere: the same omdöme, and the social part.
    const theirs = withFieldText(
      withFieldText(doc.sections, 'omdome:SV', 'Lagledarens text.'),
      'social',
      'Saga samarbetar i grupp.',
    );
    expect((await t.call(t.a.tokens.leadA, 'PUT', `/v1/iups/${doc.id}`, { version: 1, sections: theirs })).status).toBe(
      200,
    );
    await write(t.a.pupilA, 'Min andra text.');
    await syncAllDrafts(api());
    const sync = await getDraftSync(key);
    expect(sync.state).toBe('conflict');
    expect(sync.conflict?.sections.social).toBe('Saga samarbetar i grupp.');
    // Nothing was overwritten on the server, and the local text is still there.
    expect((await serverText(t.a.pupilA)).sections.omdomen[0].text).toBe('Lagledarens text.');
    expect((await getDraftText(key))?.sections.omdomen[0]?.text).toBe('Min andra text.');
    // The teacher keeps her omdöme and their social text.
    const resolved = withFieldText(sync.conflict!.sections, 'omdome:SV', 'Min andra text.');
    const prev = (await getDraftText(key))!;
    await setDraftText(key, { ...prev, sections: resolved, editSeq: prev.editSeq + 1 });
    await resolveConflict(api(), key);
    const saved = await serverText(t.a.pupilA);
    expect(saved.version).toBe(3);
    expect(saved.sections.social).toBe('Saga samarbetar i grupp.');
    expect(saved.sections.omdomen[0].text).toBe('Min andra text.');
    expect((await getDraftSync(key)).state).toBe('saved');
  });

  it('never lets the server copy replace unsynced local text', async () => {
    await t.call(t.a.tokens.leadA, 'POST', '/v1/iups', {
      pupilId: t.a.pupilA,
      schoolYear: YEAR,
      sections: withFieldText(emptySections(), 'social', 'Serverns text.'),
    });
    online = false;
    const key = await write(t.a.pupilA, 'Skrivet offline.');
    online = true;
    await loadDraft(api(), t.a.pupilA, YEAR);
    expect((await getDraftText(key))?.sections.omdomen[0]?.text).toBe('Skrivet offline.');
    // Sending it meets the existing IUP: a conflict to resolve, not an overwrite.
    await syncAllDrafts(api());
    expect((await getDraftSync(key)).state).toBe('conflict');
    expect((await serverText(t.a.pupilA)).sections.social).toBe('Serverns text.');
  });

  it('loads the server’s IUP into an empty local draft', async () => {
    await t.call(t.a.tokens.leadA, 'POST', '/v1/iups', {
      pupilId: t.a.pupilA,
      schoolYear: YEAR,
      sections: withFieldText(emptySections(), 'social', 'Serverns text.'),
    });
    await loadDraft(api(), t.a.pupilA, YEAR);
    const key = draftKey(t.a.pupilA, YEAR);
    expect((await getDraftText(key))?.sections.social).toBe('Serverns text.');
    expect(await getDraftSync(key)).toMatchObject({ state: 'saved', baseVersion: 1 });
  });
});

describe('the teacher’s deadlines from the API', () => {
  it('sends the last ETag back and keeps its copy on 304', async () => {
    const first = await api().deadlinesIfChanged('me', 'full', null);
    expect(first.report?.pupils.map((p) => p.id)).toEqual([t.a.pupilA]);
    expect(first.etag).toMatch(/^W\//);
    expect(await api().deadlinesIfChanged('me', 'full', first.etag)).toEqual({ report: null, etag: first.etag });
    await t.call(t.a.tokens.teacherA, 'POST', '/v1/meetings', {
      pupilId: t.a.pupilA,
      startsAt: '2026-12-10T13:00:00Z',
    });
    const changed = await api().deadlinesIfChanged('me', 'full', first.etag);
    expect(changed.report).not.toBeNull();
    expect(changed.etag).not.toBe(first.etag);
  });
});
