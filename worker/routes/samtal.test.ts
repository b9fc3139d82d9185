import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

const publish = async (token: string, body: Record<string, unknown>) => {
  const res = await t.call(token, 'POST', '/v1/samtal/times', {
    date: '2026-11-24',
    firstStart: '13:00',
    lengthMinutes: 25,
    breakMinutes: 5,
    count: 4,
    place: 'Rum 12',
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.times as { id: string; startsAt: string; booking: unknown }[];
};

const link = async (token: string, pupilId: string, label?: string) => {
  const res = await t.call(token, 'POST', `/v1/pupils/${pupilId}/share-links`, {
    schoolYear: '2026/27',
    ...(label ? { label } : {}),
  });
  expect(res.status).toBe(201);
  return res.body.path as string;
};

/** The family's form post, as the browser sends it. */
const family = async (path: string, fields: Record<string, string>) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, location: res.headers.get('location'), text: await res.text() };
};
const page = async (path: string) => (await t.app.request(path)).text();

describe('publishing samtal times', () => {
  it('lays out consecutive times in school-local time for a class; lists them with their audience', async () => {
    const times = await publish(t.a.tokens.teacherA, { groupIds: [t.a.classA], interpreterAvailable: true });
    // Stockholm is UTC+1 in November: 13:00, 13:30, 14:00, 14:30 local.
    expect(times.map((x) => x.startsAt)).toEqual([
      '2026-11-24T12:00:00.000Z',
      '2026-11-24T12:30:00.000Z',
      '2026-11-24T13:00:00.000Z',
      '2026-11-24T13:30:00.000Z',
    ]);
    const listed = await t.call(t.a.tokens.teacherA, 'GET', `/v1/samtal/times?groupId=${t.a.classA}`);
    expect(listed.body.times).toHaveLength(4);
    expect(listed.body.times[0]).toMatchObject({ place: 'Rum 12', interpreterAvailable: true, groupIds: [t.a.classA] });
  });

  it('refuses a series past midnight, a past date, no audience, and a class or pupil of another team', async () => {
    for (const [body, status] of [
      [{ groupIds: [t.a.classA], firstStart: '23:00', count: 4 }, 400],
      [{ groupIds: [t.a.classA], date: '2026-10-01' }, 400],
      [{}, 400],
      [{ groupIds: [t.a.classB] }, 404],
      [{ pupilIds: [t.a.pupilB] }, 404],
      [{ groupIds: [t.b.classA] }, 404],
    ] as const) {
      const res = await t.call(t.a.tokens.teacherA, 'POST', '/v1/samtal/times', {
        date: '2026-11-24',
        firstStart: '13:00',
        lengthMinutes: 25,
        count: 4,
        place: 'Rum 12',
        ...(body as Record<string, unknown>),
      });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.message).toBeTruthy();
    }
    const rows = await t.client.execute('select count(*) as n from samtal_times');
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it('withdraws a free time, refuses a booked one; only the publisher or an admin edits', async () => {
    const times = await publish(t.a.tokens.teacherA, { groupIds: [t.a.classA] });
    const booked = await t.call(t.a.tokens.teacherA, 'POST', '/v1/samtal/bookings', {
      pupilId: t.a.pupilA,
      timeId: times[0]!.id,
    });
    expect(booked.status).toBe(201);
    expect((await t.call(t.a.tokens.teacherA, 'DELETE', `/v1/samtal/times/${times[0]!.id}`)).status).toBe(409);
    expect((await t.call(t.a.tokens.teacherA, 'DELETE', `/v1/samtal/times/${times[1]!.id}`)).status).toBe(200);
    expect((await t.call(t.a.tokens.leadA, 'PATCH', `/v1/samtal/times/${times[2]!.id}`, { place: 'x' })).status).toBe(
      403,
    );
    expect(
      (await t.call(t.a.tokens.admin, 'PATCH', `/v1/samtal/times/${times[2]!.id}`, { place: 'Aulan' })).status,
    ).toBe(200);
  });
});

describe('booking', () => {
  it('the teacher books, moves and cancels; a booked time is a planned samtal for the deadlines', async () => {
    const times = await publish(t.a.tokens.teacherA, { groupIds: [t.a.classA] });
    const booked = await t.call(t.a.tokens.teacherA, 'POST', '/v1/samtal/bookings', {
      pupilId: t.a.pupilA,
      timeId: times[0]!.id,
    });
    expect(booked.body).toMatchObject({
      status: 'planned',
      place: 'Rum 12',
      bookedBy: 'teacher',
      timeId: times[0]!.id,
    });
    const report = await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines?scope=me&view=full');
    const saga = report.body.pupils.find((p: { id: string }) => p.id === t.a.pupilA);
    expect(saga.duties.find((d: { kind: string }) => d.kind === 'samtal-term')).toMatchObject({
      state: 'scheduled',
      meetingId: booked.body.id,
    });
    // The same time again, by anyone: taken.
    const again = await t.call(t.a.tokens.leadA, 'POST', '/v1/samtal/bookings', {
      pupilId: t.a.pupilMarked,
      timeId: times[0]!.id,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual({ reason: 'taken' });
    const moved = await t.call(t.a.tokens.teacherA, 'PUT', `/v1/samtal/bookings/${booked.body.id}/time`, {
      timeId: times[2]!.id,
    });
    expect(moved.body.startsAt).toBe(times[2]!.startsAt);
    // The first time is free again, and can be booked by another pupil.
    expect(
      (
        await t.call(t.a.tokens.leadA, 'POST', '/v1/samtal/bookings', {
          pupilId: t.a.pupilMarked,
          timeId: times[0]!.id,
        })
      ).status,
    ).toBe(201);
    const cancelled = await t.call(t.a.tokens.teacherA, 'DELETE', `/v1/samtal/bookings/${booked.body.id}`);
    expect(cancelled.body.status).toBe('cancelled');
    const listed = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/samtal/times?groupId=${t.a.classA}`)).body.times;
    expect(listed.find((x: { id: string }) => x.id === times[2]!.id).booking).toBeNull();
  });

  it('books a time agreed by phone, with no published time', async () => {
    const res = await t.call(t.a.tokens.teacherA, 'POST', '/v1/samtal/bookings', {
      pupilId: t.a.pupilA,
      startsAt: '2026-11-26T07:30:00Z',
      place: 'Telefon',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ timeId: null, place: 'Telefon', durationMinutes: 30 });
  });

  it('moving a booked time moves the samtal: the family and the calendar feed see the new time, same UID, new SEQUENCE', async () => {
    const times = await publish(t.a.tokens.teacherA, { groupIds: [t.a.classA] });
    const path = await link(t.a.tokens.teacherA, t.a.pupilA);
    expect((await family(path, { action: 'book', timeId: times[1]!.id })).status).toBe(303);
    const before = (await t.call(t.a.tokens.teacherA, 'GET', '/v1/meetings.ics')).body as string;
    expect(before).toContain('SEQUENCE:0');
    expect(before).toContain('LOCATION:Rum 12');
    await t.call(t.a.tokens.teacherA, 'PATCH', `/v1/samtal/times/${times[1]!.id}`, {
      startsAt: '2026-11-25T07:00:00Z',
      place: 'Rum 7',
    });
    const after = (await t.call(t.a.tokens.teacherA, 'GET', '/v1/meetings.ics')).body as string;
    const uid = /UID:(\S+)/.exec(before)![1];
    expect(after).toContain(`UID:${uid}`);
    expect(after).toContain('SEQUENCE:1');
    expect(after).toContain('DTSTART:20261125T070000Z');
    expect(after).toContain('LOCATION:Rum 7');
    expect(await page(path)).toContain('onsdag 25 november 2026 kl. 08:00–08:25');
  });
});

describe('the family books through the pupil’s link', () => {
  it('sees the free times of the pupil’s class, books one with an interpreter, gets an .ics; both households see it', async () => {
    const times = await publish(t.a.tokens.teacherA, { groupIds: [t.a.classA], interpreterAvailable: true });
    const mum = await link(t.a.tokens.teacherA, t.a.pupilA, 'Mamma');
    const dad = await link(t.a.tokens.teacherA, t.a.pupilA, 'Pappa');
    const html = await page(mum);
    expect(html).toContain('tisdag 24 november 2026 kl. 13:00–13:25');
    expect(html).toContain('Vi behöver tolk');
    const done = await family(mum, { action: 'book', timeId: times[0]!.id, interpreter: 'yes', language: 'arabiska' });
    expect(done.status).toBe(303);
    expect(done.location).toMatch(/booking=booked/);
    for (const p of [mum, dad]) {
      const shown = await page(p);
      expect(shown).toContain('Er bokade tid');
      expect(shown).toContain('tisdag 24 november 2026 kl. 13:00–13:25');
      expect(shown).toContain('Tolk på arabiska är begärd.');
    }
    const ics = await t.app.request(`${dad}/samtal.ics`);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toContain('DTSTART:20261124T120000Z');
    expect(text).toContain('LOCATION:Rum 12');
    expect(text).not.toContain('Saga');
    // The teacher sees who booked, through which link, and the interpreter.
    const listed = (await t.call(t.a.tokens.teacherA, 'GET', `/v1/samtal/times?groupId=${t.a.classA}`)).body.times;
    expect(listed[0].booking).toMatchObject({
      pupilId: t.a.pupilA,
      bookedBy: 'family',
      interpreterLanguage: 'arabiska',
    });
    const audit = await t.client.execute(
      "select actor_id, link_id, pupil_id from audit_log where entity = 'samtal-booking'",
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.actor_id).toBeNull();
    expect(audit.rows[0]!.link_id).toBeTruthy();
    expect(audit.rows[0]!.pupil_id).toBe(t.a.pupilA);
  });

  it('rebooks and cancels until the cut-off, not after; a teacher’s phone booking is not the family’s to change', async () => {
    const times = await publish(t.a.tokens.teacherA, { groupIds: [t.a.classA] });
    const path = await link(t.a.tokens.teacherA, t.a.pupilA);
    await family(path, { action: 'book', timeId: times[0]!.id });
    expect((await family(path, { action: 'book', timeId: times[1]!.id })).status).toBe(303);
    const mine = await t.call(t.a.tokens.teacherA, 'GET', `/v1/meetings?pupilId=${t.a.pupilA}`);
    // A rebook moves the one samtal: there is still one planned meeting, now at the second time.
    expect(mine.body.meetings.filter((m: { status: string }) => m.status === 'planned')).toHaveLength(1);
    expect(mine.body.meetings[0].startsAt).toBe(times[1]!.startsAt);
    // 23 hours before the samtal: past the default 24 h cut-off.
    t.setNow('2026-11-23T13:31:00Z');
    const late = await family(path, { action: 'cancel' });
    expect(late.status).toBe(409);
    expect(late.text).toContain('mindre än 24 timmar');
    t.setNow('2026-11-20T09:00:00Z');
    expect((await family(path, { action: 'cancel' })).status).toBe(303);
    expect(
      (await t.call(t.a.tokens.teacherA, 'GET', `/v1/meetings?pupilId=${t.a.pupilA}`)).body.meetings[0].status,
    ).toBe('cancelled');
    // The school's own setting moves the cut-off.
    await t.call(t.a.tokens.admin, 'PATCH', '/v1/school', { settings: { bookingCutoffHours: 0 } });
    t.setNow('2026-11-24T11:00:00Z');
    expect((await family(path, { action: 'book', timeId: times[3]!.id })).status).toBe(303);
    // A time agreed by phone is fixed by the school.
    const other = await link(t.a.tokens.leadA, t.a.pupilMarked);
    await t.call(t.a.tokens.leadA, 'POST', '/v1/samtal/bookings', {
      pupilId: t.a.pupilMarked,
      startsAt: '2026-11-26T07:30:00Z',
      place: 'Telefon',
    });
    const fixed = await family(other, { action: 'book', timeId: times[2]!.id });
    expect(fixed.status).toBe(409);
    expect(fixed.text).toContain('Tiden har bokats av skolan');
  });

  it('a link books only its own pupil’s times: another class’s or school’s time is refused, nothing written', async () => {
    const classB = await publish(t.a.tokens.teacherB, { groupIds: [t.a.classB] });
    const otherSchool = await t.call(t.b.tokens.teacherA, 'POST', '/v1/samtal/times', {
      groupIds: [t.b.classA],
      date: '2026-11-24',
      firstStart: '13:00',
      lengthMinutes: 25,
      count: 1,
      place: 'Rum 1',
    });
    const path = await link(t.a.tokens.teacherA, t.a.pupilA);
    expect(await page(path)).not.toContain('Rum 12');
    for (const timeId of [classB[0]!.id, otherSchool.body.times[0].id]) {
      const res = await family(path, { action: 'book', timeId });
      expect(res.status).toBe(409);
      expect(res.text).toContain('Den tiden går inte att boka med den här länken');
    }
    // Fields the form does not have, or a pupil id smuggled in, are refused whole.
    expect((await family(path, { action: 'book', timeId: classB[0]!.id, pupilId: t.a.pupilB })).status).toBe(400);
    expect((await family(path, { action: 'book' })).status).toBe(400);
    expect((await family(path, { action: 'book', timeId: classB[0]!.id, interpreter: 'yes' })).status).toBe(400);
    const meetings = await t.client.execute('select count(*) as n from meetings');
    expect(Number(meetings.rows[0]!.n)).toBe(0);
    // An unknown link is 404 for the calendar file too.
    expect((await t.app.request('/share/AAAAAAAAAAAAAAAAAAAAAAAAAAAA/samtal.ics')).status).toBe(404);
  });
});

describe('invitations and the class view', () => {
  it('shows per pupil booked, invited, declined or not invited, and the free times left', async () => {
    const times = await publish(t.a.tokens.teacherA, { groupIds: [t.a.classA] });
    await t.call(t.a.tokens.teacherA, 'POST', '/v1/samtal/bookings', { pupilId: t.a.pupilA, timeId: times[0]!.id });
    const view = await t.call(t.a.tokens.leadA, 'GET', `/v1/samtal/classes/${t.a.classA}`);
    expect(view.status).toBe(200);
    expect(view.body.freeTimes).toBe(3);
    expect(view.body.from).toBe('2026-08-18');
    const state = (id: string, v = view) => v.body.pupils.find((p: { id: string }) => p.id === id).state;
    expect(state(t.a.pupilA)).toBe('booked');
    expect(state(t.a.pupilMarked)).toBe('not-invited');
    const inv = await t.call(t.a.tokens.leadA, 'POST', '/v1/samtal/invitations', {
      pupilIds: [t.a.pupilMarked],
      method: 'link',
    });
    expect(inv.status).toBe(201);
    const v2 = await t.call(t.a.tokens.leadA, 'GET', `/v1/samtal/classes/${t.a.classA}`);
    expect(state(t.a.pupilMarked, v2)).toBe('invited');
    await t.call(t.a.tokens.leadA, 'PATCH', `/v1/samtal/invitations/${inv.body.invitations[0].id}`, { declined: true });
    expect(state(t.a.pupilMarked, await t.call(t.a.tokens.leadA, 'GET', `/v1/samtal/classes/${t.a.classA}`))).toBe(
      'declined',
    );
    const classes = await t.call(t.a.tokens.teacherA, 'GET', '/v1/samtal/classes');
    expect(classes.body.classes.map((c: { name: string }) => c.name)).toEqual(['3A']);
  });

  it('förskoleklass: a sent invitation meets the duty; a declined one is recorded, not overdue', async () => {
    await t.call(t.a.tokens.admin, 'PATCH', `/v1/pupils/${t.a.pupilA}`, { skolform: 'forskoleklass', arskurs: 0 });
    const duty = async () =>
      (await t.call(t.a.tokens.teacherA, 'GET', '/v1/deadlines?scope=me&view=full')).body.pupils
        .find((p: { id: string }) => p.id === t.a.pupilA)
        .duties.find((d: { kind: string }) => d.kind === 'samtal-läsår');
    expect((await duty()).state).toBe('open');
    const inv = await t.call(t.a.tokens.teacherA, 'POST', '/v1/samtal/invitations', {
      pupilIds: [t.a.pupilA],
      method: 'letter',
    });
    expect(await duty()).toMatchObject({ state: 'done', reason: 'deadlineSamtalInvited' });
    await t.call(t.a.tokens.teacherA, 'PATCH', `/v1/samtal/invitations/${inv.body.invitations[0].id}`, {
      declined: true,
    });
    t.setNow('2027-06-20T09:00:00Z');
    expect(await duty()).toMatchObject({ state: 'done', reason: 'deadlineSamtalDeclined' });
    // The school overview reads the same invitations.
    const school = await t.call(t.a.tokens.admin, 'GET', '/v1/deadlines?scope=school&view=full');
    const fk = school.body.pupils.find((p: { id: string }) => p.id === t.a.pupilA);
    expect(fk.duties.find((d: { kind: string }) => d.kind === 'samtal-läsår').reason).toBe('deadlineSamtalDeclined');
  });

  it('letters: a new family link per pupil that opens the booking page, the free times, and an invitation by letter', async () => {
    await publish(t.a.tokens.teacherA, { groupIds: [t.a.classA] });
    const res = await t.call(t.a.tokens.teacherA, 'POST', '/v1/samtal/letters', { pupilIds: [t.a.pupilA] });
    expect(res.status).toBe(201);
    const [letter] = res.body.letters;
    expect(letter).toMatchObject({ firstName: 'Saga', lastName: 'Ek', booking: null });
    expect(letter.freeTimes).toHaveLength(4);
    expect(await page(letter.linkPath)).toContain('Lediga tider');
    const invs = await t.call(t.a.tokens.teacherA, 'GET', `/v1/samtal/invitations?pupilId=${t.a.pupilA}`);
    expect(invs.body.invitations[0]).toMatchObject({ method: 'letter', declinedAt: null });
  });

  it('erasing a pupil erases their invitations and audience rows too', async () => {
    await publish(t.a.tokens.teacherA, { pupilIds: [t.a.pupilA] });
    await t.call(t.a.tokens.teacherA, 'POST', '/v1/samtal/invitations', { pupilIds: [t.a.pupilA], method: 'link' });
    expect((await t.call(t.a.tokens.admin, 'DELETE', `/v1/pupils/${t.a.pupilA}`)).status).toBe(200);
    for (const table of ['samtal_invitations', 'samtal_audience', 'meetings'])
      expect(
        Number(
          (await t.client.execute(`select count(*) as n from ${table} where pupil_id = ?`, [t.a.pupilA])).rows[0]!.n,
        ),
        table,
      ).toBe(0);
  });
});
