import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import type { IupDocument } from '../../shared/schemas/iup';
import { startApi, stopApi, type ApiProcess } from '../integration/api-process';
import { api, freshIup } from '../integration/iup-writer';

const dir = mkdtempSync(join(tmpdir(), 'iup-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAVES = 1_000;
const LANES = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The API as its own process on a libSQL file (WAL, synchronous=NORMAL, as `npm start` runs it),
 * killed with SIGKILL at random moments while autosaves stream in and restarted on the same file.
 * The client behaves like the extension's sync: a save whose answer never came is sent again
 * with the same base version; a 409 whose current document already holds that text means the
 * save had landed and only the answer was lost.
 */
describe('crash: SIGKILL during a stream of autosaves', () => {
  it('keeps every acknowledged save, stays intact, and the unacknowledged saves land on retry', async () => {
    const file = join(dir, 'api.db');
    let server: ApiProcess = await startApi(file);
    const token = server.tokens.teacher!;
    const base = () => server.base;
    const call = api(base, token);
    const docs = await Promise.all(Array.from({ length: LANES }, (_, i) => freshIup(base, token, '2031/32', i)));

    const acknowledged: { id: string; version: number; text: string }[] = [];
    let lostAnswers = 0;
    let retries = 0;
    let next = 0;
    let done = false;

    const lane = async (start: IupDocument) => {
      let doc = start;
      for (;;) {
        const i = next++;
        if (i >= SAVES) return;
        const text = `${doc.sections.pupilVoice}spar ${i}\n`;
        const sections = { ...doc.sections, pupilVoice: text };
        for (;;) {
          let res: Awaited<ReturnType<typeof call>>;
          try {
            res = await call('PUT', `/v1/iups/${doc.id}`, { sections }, { 'if-match': `"${doc.version}"` });
          } catch {
            retries++; // the API is down: the save waits and goes again, unchanged
            await sleep(50);
            continue;
          }
          if (res.status === 200) {
            doc = res.body as IupDocument;
            acknowledged.push({ id: doc.id, version: doc.version, text });
            break;
          }
          expect(res.status, JSON.stringify(res.body)).toBe(409);
          const current = res.body.error.details.current as IupDocument;
          // One writer per IUP: a newer version can only be this very save, committed before the crash.
          expect(current.version).toBe(doc.version + 1);
          expect(current.sections.pupilVoice).toBe(text);
          lostAnswers++;
          doc = current;
          break;
        }
      }
    };

    // Kills paced by progress, not by the clock, so a faster or slower machine sees as many: every
    // 60–180 acknowledged saves, then a random few milliseconds into the next ones.
    let kills = 0;
    const killer = (async () => {
      let nextKillAt = 60 + Math.random() * 120;
      while (!done) {
        if (acknowledged.length + lostAnswers < nextKillAt) {
          await sleep(2);
          continue;
        }
        await sleep(Math.random() * 20);
        await stopApi(server.child, 'SIGKILL');
        kills++;
        server = await startApi(file);
        nextKillAt = acknowledged.length + lostAnswers + 60 + Math.random() * 120;
      }
    })();

    await Promise.all(docs.map((d) => lane(d)));
    done = true;
    await killer;
    await stopApi(server.child, 'SIGKILL');

    expect(kills, 'the API was really killed while saving').toBeGreaterThanOrEqual(4);
    expect(acknowledged.length + lostAnswers).toBe(SAVES);
    console.info(
      `crash suite: ${SAVES} saves, ${kills} SIGKILLs, ${retries} retried sends, ${lostAnswers} saves whose answer was lost`,
    );

    const db = createClient({ url: `file:${file}` });
    try {
      expect((await db.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok');
      const revisions = new Map<string, string>();
      for (const r of (await db.execute('select document_id, version, sections from iup_revisions')).rows) {
        revisions.set(
          `${String(r.document_id)}@${Number(r.version)}`,
          (JSON.parse(String(r.sections)) as IupDocument['sections']).pupilVoice,
        );
      }
      for (const a of acknowledged)
        expect(revisions.get(`${a.id}@${a.version}`), `acknowledged save ${a.id}@${a.version}`).toBe(a.text);
      // Every save, acknowledged or not, is in the final documents, in the order it was made.
      const finalLines = (
        await db.execute({
          sql: `select sections from iup_documents where id in (${docs.map(() => '?').join(',')})`,
          args: docs.map((d) => d.id),
        })
      ).rows.flatMap((r) => (JSON.parse(String(r.sections)) as IupDocument['sections']).pupilVoice.trim().split('\n'));
      expect(finalLines).toHaveLength(SAVES);
      expect(new Set(finalLines)).toEqual(new Set(Array.from({ length: SAVES }, (_, i) => `spar ${i}`)));
      for (const d of docs) {
        const row = (
          await db.execute({ sql: 'select sections, version from iup_documents where id = ?', args: [d.id] })
        ).rows[0]!;
        const nums = (JSON.parse(String(row.sections)) as IupDocument['sections']).pupilVoice
          .trim()
          .split('\n')
          .map((l) => Number(l.slice(5)));
        expect(nums, 'order kept').toEqual([...nums].sort((x, y) => x - y));
        expect(Number(row.version)).toBe(nums.length + 1);
      }
    } finally {
      db.close();
    }
  }, 300_000);
});
