import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApi, stopApi } from './api-process';

const dir = mkdtempSync(join(tmpdir(), 'iup-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the write-ahead log on the running server', () => {
  // A read transaction left open anywhere (a statement never finished, a report holding its
  // snapshot) stops the log from being rewound, and it grows with every save until the disk fills.
  it('stays a few MB under a stream of saves: 40 MB of saves, the log rewound all along', async () => {
    const db = join(dir, 'wal.db');
    const api = await startApi(db, { env: { API_PROCESSES: '1' } });
    try {
      const call = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${api.base}${path}`, {
          method,
          headers: { authorization: `Bearer ${api.tokens.teacher}`, 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return {
          status: res.status,
          body: (await res.json()) as {
            id: string;
            version: number;
            groups?: { id: string }[];
            pupils?: { id: string }[];
          },
        };
      };
      const pupil = (await call('GET', '/v1/pupils')).body.pupils![0]!;
      const year = '2026/27';
      let doc = (await call('POST', '/v1/iups', { pupilId: pupil.id, schoolYear: year })).body;
      if (!doc.id)
        doc = (await call('GET', `/v1/iups?pupilId=${pupil.id}&schoolYear=${encodeURIComponent(year)}`)).body;
      const text = 'Läser med flyt och återberättar. '.repeat(280);
      for (let i = 0; i < 1200; i++) {
        const saved = await call('PUT', `/v1/iups/${doc.id}`, {
          version: doc.version,
          sections: { pupilVoice: `${i} ${text}` },
        });
        expect(saved.status).toBe(200);
        doc = saved.body;
      }
      await new Promise((r) => setTimeout(r, 1000));
      expect(statSync(`${db}-wal`).size).toBeLessThan(16 * 1024 * 1024);
    } finally {
      await stopApi(api.child);
    }
  }, 120_000);
});
