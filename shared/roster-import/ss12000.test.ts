import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSs12000 } from './ss12000';

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/ss12000', `${name}.json`), 'utf8')) as unknown;
const files = { organisations: fixture('organisations'), persons: fixture('persons'), groups: fixture('groups') };

describe('SS 12000 export', () => {
  it('reads the pupils of one school unit with skolform, årskurs, class and security marking', () => {
    const parsed = parseSs12000(files, '12345678');
    expect(parsed.rows.map((r) => [r.externalId, r.firstName, r.skolform, r.arskurs, r.className, r.securityMarked])).toEqual([
      ['p-1', 'Åsa', 'grundskola', 3, '3A', false],
      ['p-2', 'Omar', 'grundskola', 3, '3A', false],
      ['p-3', 'Lo', 'forskoleklass', 0, 'FA', false],
      ['p-4', 'Sam', 'anpassad-grundskola', 8, null, false],
      ['p-5', 'Skyddad', 'grundskola', 5, '5B', true],
    ]);
    // A teacher, a gymnasium pupil, the other unit's pupil and a cancelled enrolment are not pupils here.
    expect(parsed.notPupils).toBe(4);
    expect(parsed.errors.map((e) => [e.row, e.field])).toEqual([[10, 'familyName'], [11, 'enrolments.schoolYear']]);
  });

  it('never carries the personnummer forward', () => {
    expect(JSON.stringify(parseSs12000(files, '12345678').rows)).not.toMatch(/civic|2015010198/);
  });

  it('takes every unit when the school has no skolenhetskod, and names a missing one', () => {
    expect(parseSs12000(files, null).rows.map((r) => r.externalId)).toContain('p-8');
    expect(parseSs12000(files, '00000000').errors[0]).toMatchObject({ field: 'organisations' });
  });

  it('accepts the lists bare, paged as { data } or named as in export files', () => {
    const persons = (files.persons as { data: unknown[] }).data;
    expect(parseSs12000({ persons }).rows).toHaveLength(parseSs12000({ persons: { persons } }).rows.length);
  });
});
