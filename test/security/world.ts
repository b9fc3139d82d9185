import { issueToken, revokeToken } from '../../worker/repositories/tokens';
import { createTestApi, type TestApi } from '../../worker/testing/fixture';

export const YEAR = '2026/27';
/** Text only pupil A's and pupil B's records contain: finding it in an answer is a leak. */
export const MARK_A = 'MARKÖR-ELEV-A';
export const MARK_B = 'MARKÖR-ELEV-B';

/** School A's records for pupil A (team A) and pupil B (team B), made through the API as their teachers would. */
export interface World {
  t: TestApi;
  revokedToken: string;
  a: Records;
  b: Records;
  handoverFileA: unknown;
}
export interface Records {
  mark: string;
  pupilId: string;
  iupId: string;
  meetingId: string;
  phraseId: string;
  shareLinkId: string;
  feedId: string;
  teamId: string;
  classId: string;
  /** A published samtal time the pupil is booked into, and a free one of the same offer. */
  timeId: string;
  freeTimeId: string;
  bookingId: string;
  invitationId: string;
}

const ok = async <T>(p: Promise<{ status: number; body: T }>, what: string): Promise<T> => {
  const res = await p;
  if (res.status >= 300) throw new Error(`setting up ${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

export async function buildWorld(): Promise<World> {
  // The guessing limit would turn the revoked-token probes into 429s; it has its own test.
  const t = await createTestApi({ guessLimit: { maxFailures: 1_000_000, windowMs: 60_000 } });
  const records = async (
    token: string,
    pupilId: string,
    teamId: string,
    classId: string,
    mark: string,
  ): Promise<Records> => {
    const iup = await ok(t.call(token, 'POST', '/v1/iups', { pupilId, schoolYear: YEAR }), 'iup');
    await ok(
      t.call(token, 'PUT', `/v1/iups/${iup.id}`, {
        version: 1,
        sections: { omdomen: [{ subject: 'SV', text: `${mark} läser med flyt.` }] },
      }),
      'iup v2',
    );
    const meeting = await ok(
      t.call(token, 'POST', '/v1/meetings', {
        pupilId,
        startsAt: '2026-11-20T13:00:00.000Z',
        agreements: [{ party: 'pupil', text: `${mark} läser hemma.` }],
      }),
      'meeting',
    );
    const phrase = await ok(
      t.call(token, 'POST', '/v1/phrases', { text: `${mark}: läser med flyt.`, scope: 'team', teamId }),
      'phrase',
    );
    const share = await ok(
      t.call(token, 'POST', `/v1/pupils/${pupilId}/share-links`, { schoolYear: YEAR }),
      'share link',
    );
    const feed = await ok(t.call(token, 'POST', '/v1/calendar-feeds'), 'feed');
    const published = await ok(
      t.call(token, 'POST', '/v1/samtal/times', {
        groupIds: [classId],
        date: '2026-11-24',
        firstStart: '13:00',
        lengthMinutes: 30,
        count: 2,
        place: `${mark} rum 12`,
      }),
      'samtal times',
    );
    const booking = await ok(
      t.call(token, 'POST', '/v1/samtal/bookings', { pupilId, timeId: published.times[0].id }),
      'booking',
    );
    const invitation = await ok(
      t.call(token, 'POST', '/v1/samtal/invitations', { pupilIds: [pupilId], method: 'letter' }),
      'invitation',
    );
    return {
      mark,
      pupilId,
      iupId: iup.id,
      meetingId: meeting.id,
      phraseId: phrase.id,
      shareLinkId: share.link.id,
      feedId: feed.id,
      teamId,
      classId,
      timeId: published.times[0].id,
      freeTimeId: published.times[1].id,
      bookingId: booking.id,
      invitationId: invitation.invitations[0].id,
    };
  };
  const a = await records(t.a.tokens.teacherA, t.a.pupilA, t.a.teamA, t.a.classA, MARK_A);
  const b = await records(t.a.tokens.teacherB, t.a.pupilB, t.a.teamB, t.a.classB, MARK_B);
  const handoverFileA = await ok(t.call(t.a.tokens.admin, 'GET', `/v1/pupils/${t.a.pupilA}/handover`), 'handover');
  // An admin's token that has been revoked: it must open nothing, not even for the most powerful role.
  const extra = await issueToken(t.db, t.a.ids.admin, 'to-revoke');
  await revokeToken(t.db, extra.id, '2026-11-01T00:00:00.000Z');
  return { t, revokedToken: extra.token, a, b, handoverFileA };
}
