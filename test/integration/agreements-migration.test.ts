import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../worker/db/client';
import { applyMigrations } from '../../worker/db/migrate';

const SQL = readFileSync(join(import.meta.dirname, '../../worker/db/migrations/0011_agreements_to_samtal.sql'), 'utf8');

describe('migration 0011: agreements move to the samtal record', () => {
  it('copies an agreed IUP’s agreement texts onto its samtal when that has none; nothing else changes', async () => {
    const client = createClient({ url: ':memory:' });
    await applyMigrations(createDb(client));
    await client.executeMultiple(`
      insert into schools (id, name, calendar, settings, template) values ('s', 'S', '{"schoolYears":[]}', '{}', '{}');
      insert into teachers (id, school_id, name, email, role) values ('t', 's', 'T', 't@x', 'teacher');
      insert into pupils (id, school_id, first_name, last_name, skolform, arskurs) values ('p', 's', 'A', 'B', 'grundskola', 3);
      insert into meetings (id, school_id, pupil_id, starts_at, status, agreements, created_by)
        values ('m1', 's', 'p', '2026-10-05T12:00:00Z', 'held', '[]', 't'),
               ('m2', 's', 'p', '2026-11-05T12:00:00Z', 'held', '[{"party":"school","text":"Redan skrivet."}]', 't');
      insert into iup_documents (id, school_id, pupil_id, school_year, status, sections, version, author_id, agreed_meeting_id)
        values ('d1', 's', 'p', '2026/27', 'agreed',
          '{"agreements":{"school":"Lästräning.","pupil":"","guardians":"Läser högt."}}', 1, 't', 'm1'),
               ('d2', 's', 'p', '2025/26', 'agreed',
          '{"agreements":{"school":"Skulle skriva över.","pupil":"","guardians":""}}', 1, 't', 'm2');
    `);
    await client.executeMultiple(SQL);
    const rows = (await client.execute('select id, agreements from meetings order by id')).rows;
    expect(JSON.parse(String(rows[0]!.agreements))).toEqual([
      { party: 'school', text: 'Lästräning.' },
      { party: 'guardians', text: 'Läser högt.' },
    ]);
    // A samtal that already has agreements keeps them.
    expect(JSON.parse(String(rows[1]!.agreements))).toEqual([{ party: 'school', text: 'Redan skrivet.' }]);
    // The IUP keeps its own text: nothing is lost.
    const doc = (await client.execute("select sections from iup_documents where id = 'd1'")).rows[0]!;
    expect(JSON.parse(String(doc.sections)).agreements.school).toBe('Lästräning.');
    client.close();
  });
});
