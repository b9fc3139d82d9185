import { createClient, type Client } from '@libsql/client';
import { createApp, type App } from '../app';
import { defaultConfig, type AppConfig } from '../context';
import { createDb, type Db } from '../db/client';
import { applyMigrations } from '../db/migrate';
import { groupMembers, groups, mentors, pupils, schools, teachers, teamMembers, teams } from '../db/schema';
import { defaultSchoolSettings, defaultTemplate, typicalSchoolYear } from '../../shared/index';
import { issueToken } from '../repositories/tokens';

/** A school as tests see it: ids and tokens for every role and relationship that matters. */
export interface SchoolFixture {
  schoolId: string;
  teamA: string;
  teamB: string;
  classA: string;
  classB: string;
  /** Pupil in team A's class; pupil in team B's class; security-marked pupil in team A's class. */
  pupilA: string;
  pupilB: string;
  pupilMarked: string;
  tokens: { admin: string; leadA: string; teacherA: string; teacherB: string };
  ids: { admin: string; leadA: string; teacherA: string; teacherB: string };
}

async function makeSchool(db: Db, name: string): Promise<SchoolFixture> {
  const id = () => crypto.randomUUID();
  const f = {
    schoolId: id(),
    teamA: id(),
    teamB: id(),
    classA: id(),
    classB: id(),
    pupilA: id(),
    pupilB: id(),
    pupilMarked: id(),
    ids: { admin: id(), leadA: id(), teacherA: id(), teacherB: id() },
  };
  await db.insert(schools).values({
    id: f.schoolId,
    name,
    schoolUnitCode: null,
    settings: defaultSchoolSettings(),
    template: defaultTemplate(),
    calendar: { schoolYears: [typicalSchoolYear('2026/27')] },
  });
  await db.insert(teams).values([
    { id: f.teamA, schoolId: f.schoolId, name: 'Lag A' },
    { id: f.teamB, schoolId: f.schoolId, name: 'Lag B' },
  ]);
  await db.insert(teachers).values([
    { id: f.ids.admin, schoolId: f.schoolId, name: 'Admin', email: 'admin@x.example', role: 'admin' },
    { id: f.ids.leadA, schoolId: f.schoolId, name: 'Lead A', email: 'lead-a@x.example', role: 'teacher' },
    { id: f.ids.teacherA, schoolId: f.schoolId, name: 'Teacher A', email: 'a@x.example', role: 'teacher' },
    { id: f.ids.teacherB, schoolId: f.schoolId, name: 'Teacher B', email: 'b@x.example', role: 'teacher' },
  ]);
  await db.insert(teamMembers).values([
    { teamId: f.teamA, teacherId: f.ids.leadA, role: 'lead' },
    { teamId: f.teamA, teacherId: f.ids.teacherA, role: 'member' },
    { teamId: f.teamB, teacherId: f.ids.teacherB, role: 'member' },
  ]);
  await db.insert(groups).values([
    { id: f.classA, schoolId: f.schoolId, teamId: f.teamA, name: '3A', type: 'klass' },
    { id: f.classB, schoolId: f.schoolId, teamId: f.teamB, name: '4B', type: 'klass' },
  ]);
  await db.insert(pupils).values([
    {
      id: f.pupilA,
      schoolId: f.schoolId,
      firstName: 'Saga',
      lastName: 'Ek',
      skolform: 'grundskola',
      arskurs: 3,
      pronoun: 'hon',
    },
    { id: f.pupilB, schoolId: f.schoolId, firstName: 'Nils', lastName: 'Al', skolform: 'grundskola', arskurs: 4 },
    {
      id: f.pupilMarked,
      schoolId: f.schoolId,
      firstName: 'Skyddad',
      lastName: 'Person',
      skolform: 'grundskola',
      arskurs: 3,
      securityMarked: true,
    },
  ]);
  await db.insert(groupMembers).values([
    { groupId: f.classA, pupilId: f.pupilA },
    { groupId: f.classB, pupilId: f.pupilB },
    { groupId: f.classA, pupilId: f.pupilMarked },
  ]);
  await db.insert(mentors).values({ teacherId: f.ids.teacherA, pupilId: f.pupilA });
  const tokens = {
    admin: (await issueToken(db, f.ids.admin, 't')).token,
    leadA: (await issueToken(db, f.ids.leadA, 't')).token,
    teacherA: (await issueToken(db, f.ids.teacherA, 't')).token,
    teacherB: (await issueToken(db, f.ids.teacherB, 't')).token,
  };
  return { ...f, tokens };
}

export interface TestApi {
  db: Db;
  /** The raw libSQL client, for assertions straight against the tables. */
  client: Client;
  a: SchoolFixture;
  b: SchoolFixture;
  /** Send a JSON request as the holder of `token` (or anonymously with null). */
  call: (
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: any; headers: Headers }>;
  setNow: (iso: string) => void;
  /** The app as a `fetch`, for clients under test (the extension's API client) without a socket. */
  fetch: typeof fetch;
  /** The app itself, for suites generated from its route table. */
  app: App;
}

/**
 * A real libSQL database in memory (one connection, so transactions see the same database) with
 * migrations applied and two schools, and the app wired to it exactly as in production.
 */
export async function createTestApi(
  config: Partial<AppConfig> = {},
  opts: { wrapClient?: (c: Client) => Client } = {},
): Promise<TestApi> {
  const raw = createClient({ url: ':memory:' });
  const client = opts.wrapClient ? opts.wrapClient(raw) : raw;
  const db = createDb(client);
  await applyMigrations(db);
  let now = new Date('2026-11-02T09:00:00Z');
  const app = createApp({ db, clock: () => now, config: { ...defaultConfig(), ...config } });
  const a = await makeSchool(db, 'Skola A');
  const b = await makeSchool(db, 'Skola B');
  const call: TestApi['call'] = async (token, method, path, body, headers = {}) => {
    const res = await app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* non-JSON bodies (e.g. iCalendar) stay text */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  const fetchApp = (async (input: RequestInfo | URL, init?: RequestInit) =>
    app.request(String(input), init)) as typeof fetch;
  return {
    db,
    client,
    a,
    b,
    call,
    setNow: (iso) => {
      now = new Date(iso);
    },
    fetch: fetchApp,
    app,
  };
}
