import type { Records, World } from './world';
import { validSs12000Files } from '../../worker/testing/ss12000-fixture';
import { YEAR } from './world';

/**
 * Every route of the API and how to call it legitimately on pupil A's records (team A, school A).
 * - `pupil` / `team` / `self`: the records belong to a pupil, a team or the caller; anyone else
 *   must get 403/404 and change nothing.
 * - `list` / `own`: no record is named, or only the caller's own; others may get 2xx, but never
 *   see the target's records (checked by marker text and ids in the answer).
 */
export type Kind = 'pupil' | 'team' | 'self' | 'list' | 'own';
export type Who = 'teacherA' | 'leadA' | 'admin';

export interface RouteCase {
  as: Who;
  kind: Kind;
  /** The legitimate answer. */
  ok: number;
  req: (r: Records, w: World) => { path: string; body?: unknown };
  /** Why a probe does not apply, when it does not. */
  otherPupil?: string;
}

const q = encodeURIComponent;
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

export const PUBLIC_ROUTES: Record<string, string> = {
  'GET /v1/health': 'liveness; says nothing about any school',
  'GET /v1/openapi.json': 'the API description; no data',
  'GET /v1/calendar/:token/meetings.ics':
    'the feed token is the credential (random, revocable); covered in worker/routes/calendar.test.ts',
  'GET /share/:token':
    'the share token is the credential; expiry, revocation, other pupil and guessing covered in share-links tests and the abuse suite',
  'POST /share/:token':
    'as above; only the comment sections, the booking of the link’s own pupil and the acknowledgement of its agreements can be written',
  'GET /share/:token/samtal.ics':
    'as above; the booked samtal of the link’s own pupil only (worker/routes/samtal-booking.test.ts)',
};

export const ROUTE_CASES: Record<string, RouteCase> = {
  'GET /v1/me': { as: 'teacherA', kind: 'own', ok: 200, req: () => ({ path: '/v1/me' }) },
  'GET /v1/school': { as: 'teacherA', kind: 'own', ok: 200, req: () => ({ path: '/v1/school' }) },
  'PATCH /v1/school': {
    as: 'admin',
    kind: 'own',
    ok: 200,
    req: () => ({ path: '/v1/school', body: { name: 'Nytt namn' } }),
  },
  'GET /v1/school/export': { as: 'admin', kind: 'own', ok: 200, req: () => ({ path: '/v1/school/export' }) },

  'GET /v1/pupils': { as: 'teacherA', kind: 'list', ok: 200, req: () => ({ path: '/v1/pupils' }) },
  'POST /v1/pupils': {
    as: 'admin',
    kind: 'team',
    ok: 201,
    req: (r, w) => ({
      path: '/v1/pupils',
      body: {
        firstName: 'Ny',
        lastName: 'Elev',
        skolform: 'grundskola',
        arskurs: 2,
        groupIds: [r.teamId === w.t.a.teamA ? w.t.a.classA : w.t.a.classB],
      },
    }),
    otherPupil: 'an admin may place pupils in any class of the school',
  },
  'GET /v1/pupils/:id': { as: 'teacherA', kind: 'pupil', ok: 200, req: (r) => ({ path: `/v1/pupils/${r.pupilId}` }) },
  'PATCH /v1/pupils/:id': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/pupils/${r.pupilId}`, body: { pronoun: 'hen' } }),
  },
  'DELETE /v1/pupils/:id': {
    as: 'admin',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/pupils/${r.pupilId}` }),
    otherPupil: 'an admin may erase any pupil of the school',
  },
  'GET /v1/pupils/:id/handover': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/pupils/${r.pupilId}/handover` }),
  },
  'POST /v1/pupils/handover': {
    as: 'admin',
    kind: 'pupil',
    ok: 200,
    req: (r, w) => ({ path: '/v1/pupils/handover', body: { file: w.handoverFileA, pupilId: r.pupilId } }),
    otherPupil: 'an admin may attach a hand-over to any pupil of the school',
  },

  'GET /v1/meetings': {
    as: 'teacherA',
    kind: 'list',
    ok: 200,
    req: (r) => ({ path: `/v1/meetings?pupilId=${r.pupilId}` }),
  },
  'POST /v1/meetings': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 201,
    req: (r) => ({ path: '/v1/meetings', body: { pupilId: r.pupilId, startsAt: '2026-12-01T13:00:00.000Z' } }),
  },
  'GET /v1/meetings/:id': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/meetings/${r.meetingId}` }),
  },
  'PATCH /v1/meetings/:id': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/meetings/${r.meetingId}`, body: { status: 'held' } }),
  },
  'DELETE /v1/meetings/:id': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/meetings/${r.meetingId}` }),
  },
  'POST /v1/samtal/times': {
    as: 'teacherA',
    kind: 'team',
    ok: 201,
    req: (r) => ({
      path: '/v1/samtal/times',
      body: {
        groupIds: [r.classId],
        date: '2026-11-25',
        firstStart: '08:00',
        lengthMinutes: 20,
        count: 3,
        place: 'Rum 3',
      },
    }),
  },
  'GET /v1/samtal/times': {
    as: 'teacherA',
    kind: 'team',
    ok: 200,
    req: (r) => ({ path: `/v1/samtal/times?groupId=${r.classId}` }),
  },
  'PATCH /v1/samtal/times/:id': {
    as: 'teacherA',
    kind: 'team',
    ok: 200,
    req: (r) => ({ path: `/v1/samtal/times/${r.timeId}`, body: { place: 'Rum 4' } }),
  },
  'DELETE /v1/samtal/times/:id': {
    as: 'teacherA',
    kind: 'team',
    ok: 200,
    req: (r) => ({ path: `/v1/samtal/times/${r.freeTimeId}` }),
  },
  'POST /v1/samtal/bookings': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 201,
    req: (r) => ({ path: '/v1/samtal/bookings', body: { pupilId: r.pupilId, timeId: r.freeTimeId } }),
  },
  'PUT /v1/samtal/bookings/:id/time': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/samtal/bookings/${r.bookingId}/time`, body: { timeId: r.freeTimeId } }),
  },
  'DELETE /v1/samtal/bookings/:id': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/samtal/bookings/${r.bookingId}` }),
  },
  'POST /v1/samtal/invitations': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 201,
    req: (r) => ({ path: '/v1/samtal/invitations', body: { pupilIds: [r.pupilId], method: 'link' } }),
  },
  'GET /v1/samtal/invitations': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/samtal/invitations?pupilId=${r.pupilId}` }),
  },
  'PATCH /v1/samtal/invitations/:id': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/samtal/invitations/${r.invitationId}`, body: { declined: true } }),
  },
  'GET /v1/samtal/classes': { as: 'teacherA', kind: 'list', ok: 200, req: () => ({ path: '/v1/samtal/classes' }) },
  'GET /v1/samtal/classes/:id': {
    as: 'teacherA',
    kind: 'team',
    ok: 200,
    req: (r) => ({ path: `/v1/samtal/classes/${r.classId}` }),
  },
  'POST /v1/samtal/letters': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 201,
    req: (r) => ({ path: '/v1/samtal/letters', body: { pupilIds: [r.pupilId] } }),
  },
  'GET /v1/meetings/:id/acknowledgements': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/meetings/${r.meetingId}/acknowledgements` }),
  },
  'GET /v1/meetings.ics': { as: 'teacherA', kind: 'list', ok: 200, req: () => ({ path: '/v1/meetings.ics' }) },

  'GET /v1/iups': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/iups?pupilId=${r.pupilId}&schoolYear=${q(YEAR)}` }),
  },
  'POST /v1/iups': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 201,
    req: (r) => ({ path: '/v1/iups', body: { pupilId: r.pupilId, schoolYear: '2027/28' } }),
  },
  'GET /v1/iups/:id': { as: 'teacherA', kind: 'pupil', ok: 200, req: (r) => ({ path: `/v1/iups/${r.iupId}` }) },
  'PUT /v1/iups/:id': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/iups/${r.iupId}`, body: { version: 2, sections: { pupilVoice: 'Jag vill läsa mer.' } } }),
  },
  'GET /v1/iups/:id/revisions': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/iups/${r.iupId}/revisions` }),
  },
  'POST /v1/iups/:id/revisions/:version/restore': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/iups/${r.iupId}/revisions/1/restore`, body: { version: 2 } }),
  },

  'GET /v1/phrases': {
    as: 'teacherA',
    kind: 'list',
    ok: 200,
    req: (r) => ({ path: `/v1/phrases?teamId=${r.teamId}` }),
  },
  'POST /v1/phrases': {
    as: 'teacherA',
    kind: 'team',
    ok: 201,
    req: (r) => ({ path: '/v1/phrases', body: { text: 'Läser med inlevelse.', scope: 'team', teamId: r.teamId } }),
  },
  'GET /v1/phrases/stats': {
    as: 'leadA',
    kind: 'list',
    ok: 200,
    req: (r) => ({ path: `/v1/phrases/stats?teamId=${r.teamId}` }),
  },
  'GET /v1/phrases/export': {
    as: 'leadA',
    kind: 'team',
    ok: 200,
    req: (r) => ({ path: `/v1/phrases/export?format=json&teamId=${r.teamId}` }),
  },
  'POST /v1/phrases/import': {
    as: 'leadA',
    kind: 'team',
    ok: 200,
    req: (r) => ({
      path: '/v1/phrases/import',
      body: {
        format: 'json',
        content: JSON.stringify([
          { text: 'Skriver berättelser med tydlig början.', subject: 'SV', aspect: 'knowledge', level: null, tags: [] },
        ]),
        teamId: r.teamId,
      },
    }),
  },
  'POST /v1/phrases/starter-bank': {
    as: 'leadA',
    kind: 'team',
    ok: 200,
    req: (r) => ({ path: '/v1/phrases/starter-bank', body: { teamId: r.teamId } }),
  },
  'POST /v1/phrases/similar': {
    as: 'teacherA',
    kind: 'list',
    ok: 200,
    req: (r) => ({ path: '/v1/phrases/similar', body: { text: `${r.mark}: läser med flyt.` } }),
  },
  'GET /v1/phrases/:id/versions': {
    as: 'teacherA',
    kind: 'team',
    ok: 200,
    req: (r) => ({ path: `/v1/phrases/${r.phraseId}/versions` }),
  },
  'GET /v1/phrases/:id': { as: 'teacherA', kind: 'team', ok: 200, req: (r) => ({ path: `/v1/phrases/${r.phraseId}` }) },
  'PATCH /v1/phrases/:id': {
    as: 'teacherA',
    kind: 'team',
    ok: 200,
    req: (r) => ({ path: `/v1/phrases/${r.phraseId}`, body: { text: 'Läser med flyt och inlevelse.' } }),
  },
  'DELETE /v1/phrases/:id': {
    as: 'teacherA',
    kind: 'team',
    ok: 200,
    req: (r) => ({ path: `/v1/phrases/${r.phraseId}` }),
  },
  'POST /v1/phrases/usage': {
    as: 'teacherA',
    kind: 'list',
    ok: 200,
    req: (r) => ({ path: '/v1/phrases/usage', body: { uses: [{ id: r.phraseId, count: 3 }] } }),
  },

  'GET /v1/access-log': {
    as: 'admin',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/access-log?pupilId=${r.pupilId}` }),
    otherPupil: 'an admin follows up access to any pupil of the school',
  },

  'GET /v1/deadlines': {
    as: 'teacherA',
    kind: 'list',
    ok: 200,
    req: () => ({ path: '/v1/deadlines?scope=team&date=2026-11-22' }),
  },

  'POST /v1/calendar-feeds': { as: 'teacherA', kind: 'own', ok: 201, req: () => ({ path: '/v1/calendar-feeds' }) },
  'GET /v1/calendar-feeds': { as: 'teacherA', kind: 'own', ok: 200, req: () => ({ path: '/v1/calendar-feeds' }) },
  'DELETE /v1/calendar-feeds/:id': {
    as: 'teacherA',
    kind: 'self',
    ok: 200,
    req: (r) => ({ path: `/v1/calendar-feeds/${r.feedId}` }),
  },

  'POST /v1/roster/import': {
    as: 'admin',
    kind: 'team',
    ok: 200,
    req: (r) => ({
      path: '/v1/roster/import',
      body: {
        format: 'csv',
        content: b64('Elev-ID;Förnamn;Efternamn;Klass;Årskurs\r\nx-1;Åsa;Öberg;5B;5\r\n'),
        teamId: r.teamId,
      },
    }),
    otherPupil: 'an admin imports for any team of the school',
  },
  'POST /v1/roster/import-ss12000': {
    as: 'admin',
    kind: 'team',
    ok: 200,
    req: (r) => ({
      path: '/v1/roster/import-ss12000',
      body: { files: validSs12000Files(), teamId: r.teamId, dryRun: true },
    }),
    otherPupil: 'an admin imports for any team of the school',
  },
  // Reaching the (unreachable) source proves the caller got through; 502 is the source failing.
  'POST /v1/roster/pull-ss12000': {
    as: 'admin',
    kind: 'team',
    ok: 502,
    req: (r) => ({
      path: '/v1/roster/pull-ss12000',
      body: { baseUrl: 'https://127.0.0.1:1/ss12000', token: 'x', teamId: r.teamId, dryRun: true },
    }),
    otherPupil: 'an admin pulls for any team of the school',
  },

  'POST /v1/pupils/:id/share-links': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 201,
    req: (r) => ({ path: `/v1/pupils/${r.pupilId}/share-links`, body: { schoolYear: YEAR } }),
  },
  'GET /v1/pupils/:id/share-links': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/pupils/${r.pupilId}/share-links` }),
  },
  'DELETE /v1/share-links/:id': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/share-links/${r.shareLinkId}` }),
  },
  'GET /v1/pupils/:id/preparation': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/pupils/${r.pupilId}/preparation?schoolYear=${q(YEAR)}` }),
  },
  'GET /v1/pupils/:id/share-comments': {
    as: 'teacherA',
    kind: 'pupil',
    ok: 200,
    req: (r) => ({ path: `/v1/pupils/${r.pupilId}/share-comments?schoolYear=${q(YEAR)}` }),
  },
};
