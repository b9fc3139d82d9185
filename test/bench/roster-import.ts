import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultSchoolSettings, defaultTemplate } from '../../shared/index';
import { parseRosterCsv } from '../../shared/roster-import/csv';
import { decodeRosterBytes } from '../../shared/roster-import/decode';
import { createDb } from '../../worker/db/client';
import { applyMigrations } from '../../worker/db/migrate';
import { openLocalClient } from '../../worker/db/open-local';
import { schools, teachers } from '../../worker/db/schema';
import { importRoster } from '../../worker/repositories/roster-import';
import type { BenchRow } from './deadlines';

/**
 * A municipality's roster (CSV, Windows-1252) through the CLI's path: decode, parse, validate,
 * upsert with classes and audit in one transaction on a libSQL file. Baseline in the same run:
 * inserting the same pupil rows with raw SQL in one transaction, nothing else.
 */
export async function benchRosterImport(pupils: number): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'iup-bench-roster-'));
  try {
    const client = await openLocalClient(`file:${join(dir, 'bench.db')}`);
    const db = createDb(client);
    await applyMigrations(db);
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    for (const id of [a, b])
      await db.insert(schools).values({
        id,
        name: id,
        schoolUnitCode: null,
        calendar: { schoolYears: [] },
        settings: defaultSchoolSettings(),
        template: defaultTemplate(),
      });
    const adminId = crypto.randomUUID();
    await db
      .insert(teachers)
      .values({ id: adminId, schoolId: a, name: 'Admin', email: 'admin@bench.example', role: 'admin' });
    const lines = Array.from(
      { length: pupils },
      (_, i) => `m-${i};Elev${i};Åkesson;${1 + (i % 9)}${'ABCDEFGH'[i % 8]};${1 + (i % 9)}`,
    );
    const bytes = Buffer.from(`Elev-ID;Förnamn;Efternamn;Klass;Årskurs\r\n${lines.join('\r\n')}\r\n`, 'latin1');

    const t0 = performance.now();
    const parsed = parseRosterCsv(decodeRosterBytes(new Uint8Array(bytes)).text);
    const tParsed = performance.now();
    const report = await importRoster(
      db,
      { teacherId: adminId, schoolId: a, role: 'admin', teamIds: [], leadTeamIds: [] },
      parsed.rows,
      { dryRun: false, teamId: null },
      new Date().toISOString(),
    );
    const tImport = performance.now();
    if (report.created !== pupils || parsed.errors.length) throw new Error('roster bench: unexpected import result');
    const again = performance.now();
    await importRoster(
      db,
      { teacherId: adminId, schoolId: a, role: 'admin', teamIds: [], leadTeamIds: [] },
      parsed.rows,
      { dryRun: false, teamId: null },
      new Date().toISOString(),
    );
    const tAgain = performance.now();

    const r0 = performance.now();
    const tx = await client.transaction('write');
    for (const r of parsed.rows) {
      await tx.execute({
        sql: 'INSERT INTO pupils (id, school_id, first_name, last_name, skolform, arskurs, lms_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
        args: [crypto.randomUUID(), b, r.firstName, r.lastName, r.skolform, r.arskurs, r.externalId],
      });
    }
    await tx.commit();
    const raw = performance.now() - r0;
    client.close();
    const total = tImport - t0;
    const name = `roster import, ${pupils.toLocaleString('en')} pupils (CSV, Windows-1252)`;
    return [
      { name, figure: 'decode + parse + validate', value: tParsed - t0, unit: 'ms' },
      {
        name,
        figure: 'total, first import',
        value: total,
        unit: 'ms',
        baseline: 'raw INSERT of the pupil rows',
        ratio: total / raw,
      },
      {
        name,
        figure: 're-import (all unchanged)',
        value: tAgain - again,
        unit: 'ms',
        baseline: 'raw INSERT of the pupil rows',
        ratio: (tAgain - again) / raw,
      },
      {
        name: 'baseline: raw INSERT of the pupil rows',
        figure: `one transaction (${pupils.toLocaleString('en')})`,
        value: raw,
        unit: 'ms',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
