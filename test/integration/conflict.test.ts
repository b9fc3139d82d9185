import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import type { IupDocument } from '../../shared/schemas/iup';
import { startApi, stopApi } from './api-process';
import { api, freshIup } from './iup-writer';

const dir = mkdtempSync(join(tmpdir(), 'iup-conflict-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CLIENTS = 12;
const WRITES_EACH = 10;

describe('many writers on one IUP', () => {
  it('every accepted write is a revision of its own, and none is silently overwritten', async () => {
    const file = join(dir, 'api.db');
    const server = await startApi(file);
    try {
      const token = server.tokens.teacher!;
      const base = () => server.base;
      const first = await freshIup(base, token, '2030/31');
      const call = api(base, token);

      // Each client appends its own lines the way the panel merges: start from the version it
      // last saw; on a 409 take the current document from the answer, re-apply its line, retry.
      const accepted: { version: number; line: string }[] = [];
      let conflicts = 0;
      const client = async (n: number) => {
        let doc: IupDocument = first;
        for (let i = 0; i < WRITES_EACH; i++) {
          const line = `klient ${n} rad ${i}`;
          for (;;) {
            const sections = { ...doc.sections, pupilVoice: `${doc.sections.pupilVoice}${line}\n` };
            const res = await call('PUT', `/v1/iups/${first.id}`, { sections }, { 'if-match': `"${doc.version}"` });
            if (res.status === 200) {
              doc = res.body as IupDocument;
              accepted.push({ version: doc.version, line });
              break;
            }
            expect(res.status, JSON.stringify(res.body)).toBe(409);
            conflicts++;
            doc = res.body.error.details.current as IupDocument;
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));

      expect(accepted).toHaveLength(CLIENTS * WRITES_EACH);
      expect(conflicts, 'the writers really competed').toBeGreaterThan(0);
      // One version per accepted write, no version handed out twice.
      expect(accepted.map((a) => a.version).sort((x, y) => x - y)).toEqual(
        Array.from({ length: accepted.length }, (_, i) => i + 2),
      );

      const final = (await call('GET', `/v1/iups/${first.id}`)).body as IupDocument;
      expect(final.version).toBe(accepted.length + 1);
      const finalLines = final.sections.pupilVoice.trim().split('\n');
      expect(new Set(finalLines)).toEqual(new Set(accepted.map((a) => a.line)));

      const db = createClient({ url: `file:${file}` });
      try {
        const rows = (
          await db.execute({
            sql: 'select version, sections from iup_revisions where document_id = ? order by version',
            args: [first.id],
          })
        ).rows;
        expect(rows.map((r) => Number(r.version))).toEqual(
          Array.from({ length: accepted.length + 1 }, (_, i) => i + 1),
        );
        const byVersion = new Map(
          rows.map((r) => [Number(r.version), (JSON.parse(String(r.sections)) as IupDocument['sections']).pupilVoice]),
        );
        for (const a of accepted) {
          // The revision is exactly what that writer saved: everything before it plus its line.
          const text = byVersion.get(a.version)!;
          expect(text.endsWith(`${a.line}\n`), `version ${a.version}`).toBe(true);
          expect(text, `version ${a.version} continues ${a.version - 1}`).toBe(
            `${byVersion.get(a.version - 1)!}${a.line}\n`,
          );
        }
      } finally {
        db.close();
      }
    } finally {
      await stopApi(server.child);
    }
  }, 60_000);
});
