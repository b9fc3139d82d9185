import type { Client } from '@libsql/client';
import { defaultSchoolSettings, defaultTemplate, typicalSchoolYear } from '../../shared/index';
import { issueToken } from '../../worker/repositories/tokens';
import type { Db } from '../../worker/db/client';

const FIRST = [
  'Alva',
  'Elias',
  'Maja',
  'Noah',
  'Ella',
  'Hugo',
  'Wilma',
  'Lucas',
  'Saga',
  'Oscar',
  'Alice',
  'William',
  'Selma',
  'Liam',
  'Vera',
];
const LAST = ['Berg', 'Lind', 'Åkesson', 'Sjöholm', 'Nyrén', 'Ekdahl', 'Hallberg', 'Öhrvall', 'Strand', 'Falk'];

/** Deterministic pseudo-random numbers, so every run measures the same data. */
function rng(seed: number) {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

export interface BenchTeacher {
  teacherId: string;
  token: string;
  mentees: string[];
  iups: { id: string; version: number }[];
}

export interface SchoolOptions {
  /** Staff accounts with tokens, spread over the teams, each mentoring pupils of their team's classes. */
  teachers?: number;
  /** How many pupils each teacher mentors (as evenly as the team's pupils allow). */
  menteesPerTeacher?: number;
  /** Give every mentee an IUP of about this many bytes (the municipal day's autosave targets). */
  iupBytes?: number;
}

/**
 * One large school (or huvudman-sized roster) with realistic data for the autumn of 2026/27:
 * F–9 across skolformer, classes of ~25 in teams of six classes, about 1.3 samtal per pupil so far
 * (held with agreements, held without, booked, cancelled) and IUPs with ~2 KB of text for most
 * pupils who need one; optionally teachers who mentor ~20 pupils each, with 4 KB IUPs.
 */
export async function generateSchool(
  db: Db,
  client: Client,
  pupils: number,
  opts: SchoolOptions = {},
): Promise<{ adminToken: string; schoolId: string; teachers: BenchTeacher[] }> {
  const rand = rng(pupils);
  const schoolId = crypto.randomUUID();
  const adminId = crypto.randomUUID();
  const stmts: { sql: string; args: (string | number | null)[] }[] = [];
  stmts.push({
    sql: 'insert into schools (id, name, calendar, settings, template) values (?, ?, ?, ?, ?)',
    args: [
      schoolId,
      `Bench ${pupils}`,
      JSON.stringify({ schoolYears: [typicalSchoolYear('2026/27')] }),
      JSON.stringify(defaultSchoolSettings()),
      JSON.stringify(defaultTemplate()),
    ],
  });
  stmts.push({
    sql: "insert into teachers (id, school_id, name, email, role) values (?, ?, 'Admin', 'admin@bench.example', 'admin')",
    args: [adminId, schoolId],
  });
  const classes = Math.ceil(pupils / 25);
  const teamIds = Array.from({ length: Math.ceil(classes / 6) }, () => crypto.randomUUID());
  for (const t of teamIds)
    stmts.push({ sql: 'insert into teams (id, school_id, name) values (?, ?, ?)', args: [t, schoolId, 'Lag'] });
  const classIds = Array.from({ length: classes }, () => crypto.randomUUID());
  classIds.forEach((c, i) =>
    stmts.push({
      sql: "insert into groups (id, school_id, team_id, name, type) values (?, ?, ?, ?, 'klass')",
      args: [c, schoolId, teamIds[Math.floor(i / 6)]!, `K${i}`],
    }),
  );
  const text =
    'Eleven läser texter med flyt och återberättar det viktigaste. Nästa steg är att öva på att dra slutsatser. '.repeat(
      18,
    );
  const pupilsOfTeam = teamIds.map(() => [] as string[]);
  const iupOf = new Map<string, string>();
  for (let i = 0; i < pupils; i++) {
    const id = crypto.randomUUID();
    const classIndex = Math.floor(i / 25);
    const arskurs = classIndex % 10;
    const r = rand();
    const skolform =
      arskurs === 0
        ? 'forskoleklass'
        : r < 0.03
          ? 'anpassad-grundskola'
          : r < 0.04 && arskurs <= 6
            ? 'sameskola'
            : 'grundskola';
    stmts.push({
      sql: 'insert into pupils (id, school_id, first_name, last_name, skolform, arskurs, gets_grades, pronoun) values (?, ?, ?, ?, ?, ?, ?, ?)',
      args: [
        id,
        schoolId,
        FIRST[i % FIRST.length]!,
        LAST[(i * 7) % LAST.length]!,
        skolform,
        arskurs,
        skolform === 'anpassad-grundskola' && arskurs >= 6 && rand() < 0.5 ? 1 : 0,
        'none',
      ],
    });
    stmts.push({
      sql: 'insert into group_members (group_id, pupil_id) values (?, ?)',
      args: [classIds[classIndex]!, id],
    });
    pupilsOfTeam[Math.floor(classIndex / 6)]!.push(id);
    const m = rand();
    const meeting = (startsAt: string, status: string, agreements: string) =>
      stmts.push({
        sql: 'insert into meetings (id, school_id, pupil_id, starts_at, status, agreements, created_by) values (?, ?, ?, ?, ?, ?, ?)',
        args: [crypto.randomUUID(), schoolId, id, startsAt, status, agreements, adminId],
      });
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    if (m < 0.5) meeting(`2026-10-${day}T13:00:00.000Z`, 'held', '[{"party":"pupil","text":"Läser varje dag."}]');
    else if (m < 0.6) meeting(`2026-10-${day}T13:00:00.000Z`, 'held', '[]');
    else if (m < 0.9)
      meeting(`2026-12-${String(1 + Math.floor(rand() * 15)).padStart(2, '0')}T13:00:00.000Z`, 'planned', '[]');
    if (rand() < 0.3) meeting(`2026-09-${day}T13:00:00.000Z`, 'cancelled', '[]');
    if ((arskurs >= 1 && arskurs <= 5 && rand() < 0.7) || opts.iupBytes) {
      const status = ['draft', 'ready', 'shared', 'agreed'][Math.floor(rand() * 4)]!;
      const docId = crypto.randomUUID();
      const sections = opts.iupBytes
        ? benchSections(opts.iupBytes, i)
        : {
            omdomen: [{ subject: 'SV', text, scale: 1 }],
            social: null,
            planning: { school: text.slice(0, 300), pupil: '', guardians: '' },
            pupilVoice: '',
          };
      stmts.push({
        sql: 'insert into iup_documents (id, school_id, pupil_id, school_year, status, sections, version, author_id) values (?, ?, ?, ?, ?, ?, 1, ?)',
        args: [docId, schoolId, id, '2026/27', status, JSON.stringify(sections), adminId],
      });
      iupOf.set(id, docId);
    }
  }
  // Teachers spread over the teams; each mentors a slice of the team's pupils.
  const teachers: Omit<BenchTeacher, 'token'>[] = [];
  const teacherCount = opts.teachers ?? 0;
  for (let k = 0; k < teacherCount; k++) {
    const team = k % teamIds.length;
    const teacherId = crypto.randomUUID();
    stmts.push({
      sql: "insert into teachers (id, school_id, name, email, role) values (?, ?, ?, ?, 'teacher')",
      args: [teacherId, schoolId, `Lärare ${k}`, `larare${k}@bench.example`],
    });
    stmts.push({
      sql: "insert into team_members (team_id, teacher_id, role) values (?, ?, 'member')",
      args: [teamIds[team]!, teacherId],
    });
    const inTeam = pupilsOfTeam[team]!;
    const nth = Math.floor(k / teamIds.length);
    const per = opts.menteesPerTeacher ?? 20;
    const mentees = inTeam.slice(nth * per, nth * per + per);
    for (const p of mentees)
      stmts.push({ sql: 'insert into mentors (teacher_id, pupil_id) values (?, ?)', args: [teacherId, p] });
    teachers.push({
      teacherId,
      mentees,
      iups: mentees.filter((p) => iupOf.has(p)).map((p) => ({ id: iupOf.get(p)!, version: 1 })),
    });
  }
  for (let i = 0; i < stmts.length; i += 5000) await client.batch(stmts.slice(i, i + 5000), 'write');
  const withTokens: BenchTeacher[] = [];
  for (const t of teachers) withTokens.push({ ...t, token: (await issueToken(db, t.teacherId, 'bench')).token });
  return { adminToken: (await issueToken(db, adminId, 'bench')).token, schoolId, teachers: withTokens };
}

/** IUP sections of about `bytes` bytes of Swedish text, different per pupil. */
export function benchSections(bytes: number, seed: number) {
  const subjects = ['SV', 'MA', 'EN', 'NO', 'SO', 'BL', 'MU', 'IDH', 'SL', 'TK'];
  const per = Math.max(60, Math.floor(bytes / (subjects.length + 2)));
  const text = (s: string) =>
    `${s} ${seed}: läser med flyt och återberättar det viktigaste i texter. Nästa steg är att öva på att dra slutsatser och motivera dem. `
      .repeat(Math.ceil(per / 130))
      .slice(0, per);
  return {
    omdomen: subjects.map((subject) => ({ subject, text: text(subject), scale: 1 })),
    social: 'Hjälper andra och tar ansvar i grupparbeten.',
    planning: { school: text('Skolan'), pupil: 'Läser 20 minuter varje dag.', guardians: 'Frågar om läsningen.' },
    pupilVoice: 'Jag vill bli bättre på att skriva berättelser.',
    agreements: { school: '', pupil: '', guardians: '' },
  };
}
