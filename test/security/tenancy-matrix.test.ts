import { describe, expect, it } from 'vitest';
import { PUBLIC_ROUTES, ROUTE_CASES, type RouteCase } from './route-cases';
import { schoolSnapshot } from './school-snapshot';
import { buildWorld, type Records, type World } from './world';

/**
 * Generated from the app's route table: every route × (no token, revoked token, another school's
 * admin, a teacher of another team, the right teacher on another pupil). A route added without a
 * case here fails the first test.
 */
const routeKeys = (w: World) => {
  const keys = new Set<string>();
  for (const r of w.t.app.routes) if (r.method !== 'ALL') keys.add(`${r.method} ${r.path}`);
  return [...keys].sort();
};

const idsOf = (r: Records) => [
  r.mark,
  r.pupilId,
  r.iupId,
  r.meetingId,
  r.phraseId,
  r.shareLinkId,
  r.feedId,
  r.timeId,
  r.bookingId,
  r.invitationId,
];

type Probe = 'no token' | 'revoked token' | 'other school' | 'other team' | 'other pupil';

async function probe(name: Probe, key: string, c: RouteCase) {
  const w = await buildWorld();
  const { t } = w;
  const [method] = key.split(' ');
  const token = { teacherA: t.a.tokens.teacherA, leadA: t.a.tokens.leadA, admin: t.a.tokens.admin }[c.as];
  const caller: Record<Probe, string | null> = {
    'no token': null,
    'revoked token': w.revokedToken,
    'other school': t.b.tokens.admin,
    'other team': t.a.tokens.teacherB,
    'other pupil': token,
  };
  const target = name === 'other pupil' ? w.b : w.a;
  const { path, body } = c.req(target, w);
  const before = await schoolSnapshot(t.client, t.a.schoolId);
  const res = await t.call(caller[name], method!, path, body);
  const after = await schoolSnapshot(t.client, t.a.schoolId);
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  const where = `${key} as ${name}: ${res.status} ${text.slice(0, 300)}`;

  if (name === 'no token' || name === 'revoked token') {
    expect(res.status, where).toBe(401);
    expect(after, where).toBe(before);
    return;
  }
  const leaks = [...idsOf(target), ...(name === 'other school' ? [t.a.schoolId, t.a.teamA, t.a.teamB, 'Skola A'] : [])];
  for (const marker of leaks) expect(text.includes(marker), `${where}\nleaks ${marker}`).toBe(false);
  if (c.kind === 'pupil' || c.kind === 'team' || c.kind === 'self') {
    expect([400, 403, 404], where).toContain(res.status);
    expect(after, `${where}\nchanged school A's data`).toBe(before);
  } else if (c.kind === 'list' || name === 'other school') {
    // `own` routes change the caller's own records (school A's, for a teacher of team B).
    expect(after, `${where}\nchanged school A's data`).toBe(before);
  }
}

describe('tenancy matrix', () => {
  it('covers every route the app serves, and only those', async () => {
    const w = await buildWorld();
    const served = routeKeys(w);
    const covered = [...Object.keys(ROUTE_CASES), ...Object.keys(PUBLIC_ROUTES)].sort();
    expect(
      served.filter((k) => !covered.includes(k)),
      'routes without a tenancy case',
    ).toEqual([]);
    expect(
      covered.filter((k) => !served.includes(k)),
      'cases for routes that no longer exist',
    ).toEqual([]);
  });

  for (const [key, c] of Object.entries(ROUTE_CASES)) {
    it(`${key}: the legitimate caller gets ${c.ok}; nobody else reads or writes school A's records`, async () => {
      const w = await buildWorld();
      const [method] = key.split(' ');
      const token = { teacherA: w.t.a.tokens.teacherA, leadA: w.t.a.tokens.leadA, admin: w.t.a.tokens.admin }[c.as];
      const { path, body } = c.req(w.a, w);
      const legit = await w.t.call(token, method!, path, body);
      expect(legit.status, `${key}: ${JSON.stringify(legit.body).slice(0, 300)}`).toBe(c.ok);

      const probes: Probe[] = ['no token', 'revoked token', 'other school', 'other team'];
      if (!c.otherPupil && c.as !== 'admin') probes.push('other pupil');
      for (const name of probes) await probe(name, key, c);
    });
  }
});
