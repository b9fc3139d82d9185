import { eq, sql } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '../../shared/deadlines/compute';
import { bookableTimes } from '../../shared/samtal/bookable-times';
import {
  defaultSchoolSettings,
  defaultTemplate,
  schoolYearOf,
  typicalSchoolYear,
  type Agreement,
  type Pronoun,
  type Skolform,
} from '../../shared/index';
import type { Db } from '../db/client';
import {
  groupMembers,
  groups,
  meetings,
  mentors,
  phrases,
  phraseVersions,
  pupils,
  samtalAudience,
  samtalInvitations,
  samtalOffers,
  samtalTimes,
  schools,
  teachers,
  teamMembers,
  teams,
} from '../db/schema';
import { DEMO_SCHOOL_NAME } from './demo-platform';
import { issueToken } from './tokens';

// Fictional pupils: first names are common Swedish names, surnames invented combinations.
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
  'Adam',
  'Ebba',
  'Nils',
  'Freja',
  'Aron',
  'Juni',
  'Melvin',
  'Tyra',
  'Sixten',
  'Nova',
  'Ali',
  'Amira',
  'Omar',
  'Leia',
  'Ture',
  'Iris',
];
const LAST = ['Bergqvist', 'Lindahl', 'Åkesson', 'Sjöholm', 'Nyrén', 'Ekdahl', 'Hallberg', 'Öhrvall', 'Strand', 'Falk'];
const PRONOUNS: Pronoun[] = ['hon', 'han', 'hen', 'none'];

export interface DemoSeed {
  schoolId: string;
  teacherToken: string;
  adminToken: string;
  memberToken: string;
}

/** Seed one fictional school, unless one exists. Returns the tokens, which are printed once. */
export async function seedDemo(db: Db, today: Date): Promise<DemoSeed | null> {
  const [existing] = await db.select({ n: sql<number>`count(*)` }).from(schools);
  if ((existing?.n ?? 0) > 0) return null;

  const iso = today.toISOString().slice(0, 10);
  const current = schoolYearOf(iso);
  const first = Number(current.slice(0, 4));
  const label = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, '0')}`;
  const schoolId = crypto.randomUUID();
  const teamId = crypto.randomUUID();
  const mentorId = crypto.randomUUID();
  const adminId = crypto.randomUUID();
  // A team member without the lead role: her phrases are proposals until Karin approves them.
  const memberId = crypto.randomUUID();

  await db.transaction(async (tx) => {
    await tx.insert(schools).values({
      id: schoolId,
      name: DEMO_SCHOOL_NAME,
      schoolUnitCode: null,
      calendar: { schoolYears: [label(first - 1), current, label(first + 1)].map(typicalSchoolYear) },
      settings: {
        ...defaultSchoolSettings(),
        lmsOrigins: ['http://127.0.0.1:8787', 'http://localhost:8787'],
        // The demo platform's pupil page names the pupil in its heading.
        pupilDetection: [
          { urlPattern: '/demo/lms/elev/', selector: 'h1[data-elev]', attribute: null, match: 'name' as const },
        ],
      },
      template: defaultTemplate(),
    });
    await tx.insert(teams).values({ id: teamId, schoolId, name: 'Arbetslag F–6' });
    await tx.insert(teachers).values([
      { id: mentorId, schoolId, name: 'Karin Mentorsson', email: 'karin@demoskolan.example', role: 'teacher' },
      { id: adminId, schoolId, name: 'Per Rektorsson', email: 'per@demoskolan.example', role: 'admin' },
      { id: memberId, schoolId, name: 'Lina Lärarsson', email: 'lina@demoskolan.example', role: 'teacher' },
    ]);
    await tx.insert(teamMembers).values([
      { teamId, teacherId: mentorId, role: 'lead' },
      { teamId, teacherId: adminId, role: 'member' },
      { teamId, teacherId: memberId, role: 'member' },
    ]);

    const classIds = Array.from({ length: 7 }, () => crypto.randomUUID());
    await tx
      .insert(groups)
      .values(
        classIds.map((id, ak) => ({ id, schoolId, teamId, name: ak === 0 ? 'FA' : `${ak}A`, type: 'klass' as const })),
      );

    const withSamtal = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const arskurs = i % 7;
      const skolform: Skolform = arskurs === 0 ? 'forskoleklass' : i === 12 ? 'anpassad-grundskola' : 'grundskola';
      const id = crypto.randomUUID();
      await tx.insert(pupils).values({
        id,
        schoolId,
        firstName: FIRST[i % FIRST.length]!,
        lastName: LAST[(i * 7) % LAST.length]!,
        skolform,
        arskurs,
        getsGrades: false,
        pronoun: PRONOUNS[i % PRONOUNS.length]!,
        lmsId: `demo-${1000 + i}`,
      });
      await tx.insert(groupMembers).values({ groupId: classIds[arskurs]!, pupilId: id });
      if (arskurs >= 3) await tx.insert(mentors).values({ teacherId: mentorId, pupilId: id });
      // A realistic spread: about half had their autumn samtal, some are booked, some not yet.
      const ht = typicalSchoolYear(current).terms[0]!;
      if (i % 3 !== 2) {
        const held = i % 3 === 0;
        const agreements: Agreement[] =
          held && i % 2 === 0
            ? [
                { party: 'pupil', text: 'Läser 15 minuter varje dag.' },
                { party: 'school', text: 'Extra stöd i matematik på tisdagar.' },
              ]
            : [];
        const day = held
          ? new Date(Date.parse(`${ht.start}T08:00:00Z`) + (40 + i) * 86_400_000)
          : new Date(today.getTime() + (5 + i) * 86_400_000);
        withSamtal.add(id);
        await tx.insert(meetings).values({
          id: crypto.randomUUID(),
          schoolId,
          pupilId: id,
          startsAt: day.toISOString(),
          durationMinutes: 30,
          status: held ? 'held' : 'planned',
          agreements,
          createdBy: mentorId,
        });
      }
    }

    // Samtal times Karin has published for 3A two weeks ahead (the next weekday), one of them
    // booked; the förskoleklass families invited by letter, one of whom declined.
    let day = new Date(today.getTime() + 14 * 86_400_000);
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day = new Date(day.getTime() + 86_400_000);
    const slots = bookableTimes(
      { date: day.toISOString().slice(0, 10), firstStart: '13:00', lengthMinutes: 25, breakMinutes: 5, count: 8 },
      DEFAULT_TIME_ZONE,
    )!;
    const offerId = crypto.randomUUID();
    const publishedAt = today.toISOString();
    await tx.insert(samtalOffers).values({ id: offerId, schoolId, createdBy: mentorId, createdAt: publishedAt });
    await tx.insert(samtalAudience).values({ offerId, groupId: classIds[3]!, pupilId: null });
    const slotIds = slots.map(() => crypto.randomUUID());
    await tx.insert(samtalTimes).values(
      slots.map((t, n) => ({
        id: slotIds[n]!,
        schoolId,
        offerId,
        startsAt: t.startsAt,
        durationMinutes: t.durationMinutes,
        place: 'Klassrum 3A',
        interpreterAvailable: true,
        createdBy: mentorId,
        createdAt: publishedAt,
      })),
    );
    const in3A = await tx
      .select({ id: groupMembers.pupilId })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, classIds[3]!));
    const unbooked = in3A.find((p) => !withSamtal.has(p.id));
    if (unbooked)
      await tx.insert(meetings).values({
        id: crypto.randomUUID(),
        schoolId,
        pupilId: unbooked.id,
        startsAt: slots[1]!.startsAt,
        durationMinutes: slots[1]!.durationMinutes,
        status: 'planned',
        agreements: [],
        place: 'Klassrum 3A',
        timeId: slotIds[1]!,
        createdBy: mentorId,
      });
    const fk = await tx
      .select({ id: groupMembers.pupilId })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, classIds[0]!));
    await tx.insert(samtalInvitations).values(
      fk.slice(0, 3).map((p, n) => ({
        id: crypto.randomUUID(),
        schoolId,
        pupilId: p.id,
        schoolYear: current,
        sentAt: publishedAt,
        method: 'letter' as const,
        declinedAt: n === 2 ? publishedAt : null,
        createdBy: mentorId,
        createdAt: publishedAt,
      })),
    );

    const demoPhrases: {
      text: string;
      subject: string | null;
      aspect: 'knowledge' | 'social' | 'planning';
      level: 'E' | 'C' | 'A' | null;
    }[] = [
      {
        text: '{namn} läser enkla texter med flyt och kan återberätta det viktigaste i dem.',
        subject: 'SV',
        aspect: 'knowledge',
        level: 'E',
      },
      {
        text: 'Nästa steg för {namn} är att öva på att skriva texter med tydlig början, handling och avslut.',
        subject: 'SV',
        aspect: 'knowledge',
        level: null,
      },
      {
        text: '{namn} använder huvudräkning och skriftliga räknemetoder med god säkerhet.',
        subject: 'MA',
        aspect: 'knowledge',
        level: 'A',
      },
      {
        text: '{namn} kan föra enkla resonemang om hur {hen} har löst en uppgift.',
        subject: 'MA',
        aspect: 'knowledge',
        level: 'E',
      },
      {
        text: '{namn} samarbetar i grupp genom att lyssna på andras idéer och bidra med egna.',
        subject: null,
        aspect: 'social',
        level: null,
      },
      {
        text: 'Skolan ger {namn} extra lästräning två gånger i veckan under vårterminen.',
        subject: null,
        aspect: 'planning',
        level: null,
      },
      {
        text: 'Hemma kan ni läsa tillsammans med {honom} en stund varje dag och prata om det ni läst.',
        subject: null,
        aspect: 'planning',
        level: null,
      },
    ];
    let seq = 0;
    const phraseRows = demoPhrases.map((p) => ({
      id: crypto.randomUUID(),
      schoolId,
      scope: 'team' as const,
      teamId,
      text: p.text,
      subject: p.subject,
      aspect: p.aspect,
      level: p.level,
      tags: [],
      status: 'approved' as const,
      authorId: mentorId,
      changeSeq: ++seq,
    }));
    await tx.insert(phrases).values(phraseRows);
    const at = new Date().toISOString();
    await tx.insert(phraseVersions).values(
      phraseRows.map((p) => ({
        phraseId: p.id,
        version: 1,
        schoolId,
        text: p.text,
        subject: p.subject,
        aspect: p.aspect,
        level: p.level,
        tags: p.tags,
        status: p.status,
        editorId: mentorId,
        at,
      })),
    );
  });

  const teacherToken = (await issueToken(db, mentorId, 'demo')).token;
  const adminToken = (await issueToken(db, adminId, 'demo')).token;
  const memberToken = (await issueToken(db, memberId, 'demo')).token;
  return { schoolId, teacherToken, adminToken, memberToken };
}
