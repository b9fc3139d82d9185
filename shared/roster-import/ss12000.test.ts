import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSs12000 } from './ss12000';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../../test/fixtures/ss12000', `${name}.json`), 'utf8')) as unknown;
const files = {
  organisations: fixture('organisations'),
  persons: fixture('persons'),
  groups: fixture('groups'),
  duties: fixture('duties'),
  activities: fixture('activities'),
};

describe('SS 12000 export', () => {
  it('reads the pupils of one school unit with skolform, årskurs, class and security marking', () => {
    const parsed = parseSs12000(files, '12345678');
    expect(
      parsed.rows.map((r) => [r.externalId, r.firstName, r.skolform, r.arskurs, r.className, r.securityMarked]),
    ).toEqual([
      ['p-1', 'Åsa', 'grundskola', 3, '3A', false],
      ['p-2', 'Omar', 'grundskola', 3, '3A', false],
      ['p-3', 'Lo', 'forskoleklass', 0, 'FA', false],
      ['p-4', 'Sam', 'anpassad-grundskola', 8, null, false],
      ['p-5', 'Skyddad', 'grundskola', 5, '5B', true],
    ]);
    // Five staff, a gymnasium pupil, the other unit's pupil and a cancelled enrolment are not pupils here.
    expect(parsed.notPupils).toBe(8);
    expect(parsed.errors.map((e) => [e.row, e.field])).toEqual([
      [10, 'familyName'],
      [11, 'enrolments.schoolYear'],
    ]);
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
    expect(parsed.mentorships).toEqual([
      { staffExternalId: 'p-6', pupilExternalId: 'p-1' },
      { staffExternalId: 'p-6', pupilExternalId: 'p-2' },
    ]);
  });

  it('never carries the personnummer forward', () => {
    const parsed = parseSs12000(files, '12345678');
    expect(JSON.stringify([parsed.rows, parsed.staff])).not.toMatch(/civic|2015010198|1980010198/);
  });

  it('says for every person not imported why: no enrolment, cancelled, school form, another unit', () => {
    const parsed = parseSs12000(files, '12345678');
    expect(Object.fromEntries(parsed.notImported.map((n) => [n.externalId, n.reason]))).toEqual({
      'p-6': 'no-enrolment',
      'p-7': 'school-form',
      'p-8': 'other-unit',
      'p-9': 'cancelled',
      'p-12': 'no-enrolment',
      'p-13': 'no-enrolment',
      'p-14': 'no-enrolment',
      'p-15': 'no-enrolment',
    });
  });

  it('never lands a municipality’s export in one school: the unit must be established', () => {
    // No skolenhetskod and two units in the data: refused, nobody imported.
    const twoUnits = parseSs12000(files, null);
    expect(twoUnits.rows).toEqual([]);
    expect(twoUnits.errors[0]).toMatchObject({
      row: 0,
      field: 'organisations',
      message: expect.stringContaining('skolenhetskod'),
    });
    // No skolenhetskod but one unit: that unit.
    const orgs = (files.organisations as { data: { schoolUnitCode: string }[] }).data;
    const oneUnit = parseSs12000(
      { ...files, organisations: orgs.filter((o) => o.schoolUnitCode === '12345678') },
      null,
    );
    expect(oneUnit.errors.filter((e) => e.field === 'organisations')).toEqual([]);
    expect(oneUnit.rows.map((r) => r.externalId)).toEqual(['p-1', 'p-2', 'p-3', 'p-4', 'p-5']);
    // Without organisations nobody can tell whose pupils these are.
    const noOrgs = parseSs12000({ persons: files.persons }, '12345678');
    expect(noOrgs.rows).toEqual([]);
    expect(noOrgs.errors[0]).toMatchObject({
      field: 'organisations',
      message: expect.stringContaining('no organisations'),
    });
    expect(parseSs12000(files, '00000000').errors[0]).toMatchObject({ field: 'organisations' });
  });

  it('does not import a person whose enrolment points at an organisation missing from the data, and says so', () => {
    const persons = (
      files.persons as { data: { id: string; enrolments?: { enroledAt: { id: string } }[] }[] }
    ).data.map((p) =>
      p.id === 'p-2'
        ? { ...p, enrolments: p.enrolments!.map((e) => ({ ...e, enroledAt: { id: 'not-in-the-data' } })) }
        : p,
    );
    const parsed = parseSs12000({ ...files, persons }, '12345678');
    expect(parsed.rows.map((r) => r.externalId)).not.toContain('p-2');
    expect(parsed.notImported).toContainEqual({ externalId: 'p-2', reason: 'unit-unknown' });
  });

  it('never makes an enrolled pupil a staff account, and reports it', () => {
    const persons = (files.persons as { data: { id: string }[] }).data.map((p) =>
      p.id === 'p-1' ? { ...p, emails: [{ value: 'asa@bjorkskolan.example' }] } : p,
    );
    const duties = [
      ...(files.duties as { data: unknown[] }).data,
      {
        id: 'd-pupil',
        person: { id: 'p-1' },
        dutyAt: { id: '9f1c1a7e-0000-4000-8000-000000000001' },
        dutyRole: 'Lärarassistent',
      },
    ];
    const parsed = parseSs12000({ ...files, persons, duties }, '12345678');
    expect(parsed.staff.map((st) => st.externalId)).not.toContain('p-1');
    expect(parsed.staffSkipped).toContainEqual({
      externalId: 'p-1',
      reason: expect.stringContaining('also enrolled as a pupil'),
    });
    expect(parsed.rows.map((r) => r.externalId)).toContain('p-1');
  });

  it('accepts the lists bare, paged as { data } or named as in export files', () => {
    const persons = (files.persons as { data: unknown[] }).data;
    const organisations = (files.organisations as { data: unknown[] }).data;
    const bare = parseSs12000({ persons, organisations }, '12345678');
    expect(bare.rows).toHaveLength(5);
    expect(parseSs12000({ persons: { persons }, organisations: { organisations } }, '12345678').rows).toEqual(
      bare.rows,
    );
  });
});
