import { beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/fixture';

let t: TestApi;
beforeEach(async () => {
  t = await createTestApi();
});

async function book(token: string, pupilId: string, startsAt: string, status = 'planned') {
  const res = await t.call(token, 'POST', '/v1/meetings', { pupilId, startsAt, status, durationMinutes: 45 });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('calendar feed of planned samtal', () => {
  it('lists the teacher’s planned samtal as iCalendar with first name + initial only; cancelled ones as cancelled', async () => {
    const id = await book(t.a.tokens.teacherA, t.a.pupilA, '2026-11-20T13:00:00Z');
    const cancelledId = await book(t.a.tokens.teacherA, t.a.pupilA, '2026-11-21T13:00:00Z', 'cancelled');
    await book(t.a.tokens.admin, t.a.pupilB, '2026-11-22T13:00:00Z');
    const res = await t.call(t.a.tokens.teacherA, 'GET', '/v1/meetings.ics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const body = res.body as string;
    expect(body).toContain('BEGIN:VCALENDAR');
    const events = body.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(2);
    const planned = events.find((e) => e.includes(`UID:${id}@iup-stod`))!;
    expect(planned).toContain('STATUS:CONFIRMED');
    // A calendar removes an event only when told it is cancelled, under the same UID.
    expect(events.find((e) => e.includes(`UID:${cancelledId}@iup-stod`))).toContain('STATUS:CANCELLED');
    expect(body).toContain('SUMMARY:Utvecklingssamtal: Saga E.');
    expect(body).toContain('DTSTART:20261120T130000Z');
    expect(body).toContain('DTEND:20261120T134500Z');
    expect(body).not.toContain('Ek');
  });

  it('names no security-marked pupil', async () => {
    await book(t.a.tokens.teacherA, t.a.pupilMarked, '2026-11-20T13:00:00Z');
    const body = (await t.call(t.a.tokens.teacherA, 'GET', '/v1/meetings.ics')).body as string;
    expect(body).toContain('SUMMARY:Utvecklingssamtal\r\n');
    expect(body).not.toContain('Skyddad');
  });

  it('gives calendar apps a revocable feed URL; unknown and revoked tokens get 404', async () => {
    await book(t.a.tokens.teacherA, t.a.pupilA, '2026-11-20T13:00:00Z');
    const feed = await t.call(t.a.tokens.teacherA, 'POST', '/v1/calendar-feeds');
    expect(feed.status).toBe(201);
    const viaFeed = await t.call(null, 'GET', feed.body.path);
    expect(viaFeed.status).toBe(200);
    expect(viaFeed.body).toContain('Saga E.');
    expect((await t.call(null, 'GET', '/v1/calendar/iup_nope/meetings.ics')).status).toBe(404);
    expect((await t.call(t.a.tokens.teacherB, 'DELETE', `/v1/calendar-feeds/${feed.body.id}`)).status).toBe(404);
    expect((await t.call(t.a.tokens.teacherA, 'GET', '/v1/calendar-feeds')).body.feeds).toHaveLength(1);
    expect((await t.call(t.a.tokens.teacherA, 'DELETE', `/v1/calendar-feeds/${feed.body.id}`)).status).toBe(200);
    expect((await t.call(null, 'GET', feed.body.path)).status).toBe(404);
  });
});
