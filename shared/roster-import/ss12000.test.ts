import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSs12000 } from './ss12000';

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/ss12000', `${name}.json`), 'utf8')) as unknown;
const files = { organisations: fixture('organisations'), persons: fixture('persons'), groups: fixture('groups'), duties: fixture('duties'), activities: fixture('activities') };

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
    // Five staff, a gymnasium pupil, the other unit's pupil and a cancelled enrolment are not pupils here.
    expect(parsed.notPupils).toBe(8);
    expect(parsed.errors.map((e) => [e.row, e.field])).toEqual([[10, 'familyName'], [11, 'enrolments.schoolYear']]);
  });

  it('takes staff from Duties at the unit in roles that work with pupils, and mentors from Mentor groups’ activities', () => {
    const parsed = parseSs12000(files, '12345678');
    // Karin (Lärare) and Per (Rektor, e-mail from his eduPersonPrincipalName); not the librarian
    // nor the other unit's teacher; a teacher with no address is reported, not guessed.
    expect(parsed.staff).toEqual([
      { externalId: 'p-6', name: 'Karin Lärare', email: 'karin.berg@bjorkskolan.example', dutyRole: 'Lärare' },
      { externalId: 'p-12', name: 'Per Rektorsson', email: 'per.rektorsson@bjorkskolan.example', dutyRole: 'Rektor' },
    ]);
    expect(parsed.staffSkipped).toEqual([{ externalId: 'p-15', reason: expect.stringContaining('no e-mail') }]);
    // The maths activity is for a teaching group: it makes no mentors.
    expect(parsed.mentorships).toEqual([{ staffExternalId: 'p-6', pupilExternalId: 'p-1' }, { staffExternalId: 'p-6', pupilExternalId: 'p-2' }]);
  });

  it('never carries the personnummer forward', () => {
    const parsed = parseSs12000(files, '12345678');
    expect(JSON.stringify([parsed.rows, parsed.staff])).not.toMatch(/civic|2015010198|1980010198/);
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
