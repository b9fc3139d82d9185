import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';
import { ss12000List, validSs12000Files } from '../testing/ss12000-fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const csv = (s: string) => b64(new TextEncoder().encode(s));
const count = async (sql: string) => Number((await t.client.execute(sql)).rows[0]![0]);
const FILE =
  'Elev-ID;Förnamn;Efternamn;Klass;Årskurs\r\nx-1;Åsa;Öberg;5B;5\r\nx-2;Omar;Ek;5B;5\r\nx-3;Lo;Lind;FB;F\r\n';

describe('roster import (CSV)', () => {
  it('previews without writing, then imports pupils and classes; a second import changes nothing', async () => {
    const before = await count('select count(*) from pupils');
    const preview = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import', {
      format: 'csv',
      content: csv(FILE),
      dryRun: true,
      teamId: t.a.teamA,
    });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      encoding: 'utf-8',
      delimiter: ';',
      rows: 3,
      errors: [],
      report: { dryRun: true, created: 3, classesCreated: ['5B', 'FB'] },
    });
    expect(await count('select count(*) from pupils')).toBe(before);
    expect(await count("select count(*) from groups where name = '5B'")).toBe(0);

    const real = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import', {
      format: 'csv',
      content: csv(FILE),
      teamId: t.a.teamA,
    });
    expect(real.body.report).toEqual({
      dryRun: false,
      created: 3,
      updated: 0,
      unchanged: 0,
      classesCreated: ['5B', 'FB'],
    });
    const again = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import', {
      format: 'csv',
      content: csv(FILE),
      teamId: t.a.teamA,
    });
    expect(again.body.report).toEqual({ dryRun: false, created: 0, updated: 0, unchanged: 3, classesCreated: [] });
    // The team's teachers now see them, with skolform and årskurs right.
    const list = (await t.call(t.a.tokens.teacherA, 'GET', '/v1/pupils?limit=100')).body.pupils as {
      firstName: string;
      skolform: string;
      arskurs: number;
      externalIds: { lms?: string };
    }[];
    expect(list.find((p) => p.externalIds.lms === 'x-3')).toMatchObject({
      firstName: 'Lo',
      skolform: 'forskoleklass',
      arskurs: 0,
    });
  });

  it('reads a Windows-1252 file with å ä ö, and moves a pupil who changed class', async () => {
    await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import', { format: 'csv', content: csv(FILE) });
    const moved = FILE.replace('x-2;Omar;Ek;5B;5', 'x-2;Omar;Ek;6B;6');
    const bytes = Uint8Array.from([...moved].map((c) => c.charCodeAt(0)));
    const res = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import', { format: 'csv', content: b64(bytes) });
    expect(res.body).toMatchObject({
      encoding: 'windows-1252',
      report: { created: 0, updated: 1, unchanged: 2, classesCreated: ['6B'] },
    });
    const names = (await t.client.execute("select first_name, last_name from pupils where lms_id = 'x-1'")).rows[0]!;
    expect([names[0], names[1]]).toEqual(['Åsa', 'Öberg']);
    const classes = (
      await t.client.execute(
        "select g.name from group_members m join groups g on g.id = m.group_id join pupils p on p.id = m.pupil_id where p.lms_id = 'x-2'",
      )
    ).rows.map((r) => r[0]);
    expect(classes).toEqual(['6B']);
  });

  it('refuses a file with bad rows as a whole, listing each, and writes nothing', async () => {
    const before = await count('select count(*) from pupils');
    const bad = `${FILE}x-4;;Berg;3B;3\r\nx-5;Ida;Falk;3B;12\r\n`;
    const preview = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import', {
      format: 'csv',
      content: csv(bad),
      dryRun: true,
    });
    expect(preview.body.report).toBeNull();
    expect(preview.body.errors.map((e: any) => [e.row, e.field])).toEqual([
      [4, 'firstName'],
      [5, 'arskurs'],
    ]);
    const res = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import', { format: 'csv', content: csv(bad) });
    expect(res.status).toBe(400);
    expect(res.body.error.details.rows).toHaveLength(2);
    expect(await count('select count(*) from pupils')).toBe(before);
  });

  it('is for admins of the school only', async () => {
    expect(
      (await t.call(t.a.tokens.teacherA, 'POST', '/v1/roster/import', { format: 'csv', content: csv(FILE) })).status,
    ).toBe(403);
    expect(
      (
        await t.call(t.b.tokens.admin, 'POST', '/v1/roster/import', {
          format: 'csv',
          content: csv(FILE),
          teamId: t.a.teamA,
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import', { format: 'csv', content: 'not base64!' })).status,
    ).toBe(400);
    // School B importing the same ids creates its own pupils; school A's are untouched.
    await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import', { format: 'csv', content: csv(FILE) });
    const b = await t.call(t.b.tokens.admin, 'POST', '/v1/roster/import', {
      format: 'csv',
      content: csv(FILE.replace('Åsa', 'Annan')),
    });
    expect(b.body.report.created).toBe(3);
    expect(
      (await t.client.execute("select count(*) from pupils where lms_id = 'x-1' and first_name = 'Åsa'")).rows[0]![0],
    ).toBe(1);
  });
});

const ss = ss12000List;

describe('roster import (SS 12000)', () => {
  // Only valid persons: the fixture's two bad ones are tested below.
  const good = validSs12000Files;

  it("imports the school unit's pupils with classes and security marking, never the personnummer; idempotent", async () => {
    await t.client.execute({
      sql: 'update schools set school_unit_code = ? where id = ?',
      args: ['12345678', t.a.schoolId],
    });
    const res = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import-ss12000', {
      files: good(),
      teamId: t.a.teamA,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      rows: 5,
      notPupils: 8,
      errors: [],
      report: {
        created: 5,
        classesCreated: ['3A', 'FA', '5B'],
        staff: { created: 2, updated: 0, unchanged: 0, mentorshipsAdded: 2, skipped: [{ externalId: 'p-15' }] },
      },
    });
    const again = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import-ss12000', {
      files: good(),
      teamId: t.a.teamA,
    });
    expect(again.body.report).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 5,
      staff: { created: 0, updated: 0, unchanged: 2, mentorshipsAdded: 0 },
    });
    // Staff are teachers without tokens; Karin mentors the two pupils of her Mentor group.
    const staff = await t.client.execute(
      'select id, role, email from teachers where ss12000_id is not null order by email',
    );
    expect(staff.rows.map((r) => [r.role, r.email])).toEqual([
      ['teacher', 'karin.berg@bjorkskolan.example'],
      ['teacher', 'per.rektorsson@bjorkskolan.example'],
    ]);
    expect(
      (
        await t.client.execute({
          sql: 'select count(*) from api_tokens where teacher_id = ?',
          args: [String(staff.rows[0]!.id)],
        })
      ).rows[0]![0],
    ).toBe(0);
    const mentored = await t.client.execute({
      sql: 'select p.ss12000_id from mentors m join pupils p on p.id = m.pupil_id where m.teacher_id = ? order by 1',
      args: [String(staff.rows[0]!.id)],
    });
    expect(mentored.rows.map((r) => r[0])).toEqual(['p-1', 'p-2']);
    const dump = JSON.stringify((await t.client.execute('select * from pupils')).rows);
    expect(dump).not.toContain('201501019876');
    // The protected pupil is stored marked: her own teachers (the class's team) list her, an admin's list does not.
    expect((await t.client.execute("select security_marked from pupils where ss12000_id = 'p-5'")).rows[0]![0]).toBe(1);
    const listedBy = async (token: string) =>
      (await t.call(token, 'GET', '/v1/pupils?limit=100')).body.pupils.map((p: any) => p.externalIds.ss12000);
    expect(await listedBy(t.a.tokens.teacherA)).toEqual(expect.arrayContaining(['p-1', 'p-2', 'p-3', 'p-5']));
    expect(await listedBy(t.a.tokens.admin)).not.toContain('p-5');
    expect(await listedBy(t.a.tokens.teacherB)).not.toContain('p-1');
  });

  it('refuses files with bad persons as a whole, listing each, and writes nothing', async () => {
    await t.client.execute({
      sql: 'update schools set school_unit_code = ? where id = ?',
      args: ['12345678', t.a.schoolId],
    });
    const files = { organisations: ss('organisations'), persons: ss('persons'), groups: ss('groups') };
    const before = await count('select count(*) from pupils');
    const res = await t.call(t.a.tokens.admin, 'POST', '/v1/roster/import-ss12000', { files });
    expect(res.status).toBe(400);
    expect(res.body.error.details.rows.map((r: any) => r.row)).toEqual([10, 11]);
    expect(await count('select count(*) from pupils')).toBe(before);
    expect((await t.call(t.a.tokens.teacherA, 'POST', '/v1/roster/import-ss12000', { files: good() })).status).toBe(
      403,
    );
  });
});
