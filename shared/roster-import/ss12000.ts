import { z } from 'zod';
import type { RowError } from '../phrases/transfer';
import { Name } from '../schemas/common';
import { ARSKURS_RANGE, type Skolform } from '../schemas/pupil';
import type { NotPupilReason } from '../schemas/roster-import';
import type { RosterRow } from './csv';

/**
 * SS 12000:2020 exports (the shapes of the standard's published read API): Organisations,
 * Persons with enrolments, Groups with memberships, Duties (staff) and Activities (who mentors
 * which Mentor group). Only what an IUP needs is read; `civicNo`
 * (personnummer) is never read or stored. Unknown fields are ignored, as the standard grows.
 */
const Ref = z.object({ id: z.string().min(1) });
const Enrolment = z.object({
  enroledAt: Ref,
  schoolYear: z.number().int().min(0).max(10).nullable().optional(),
  schoolType: z.string(),
  cancelled: z.boolean().optional(),
});
const Person = z.object({
  id: z.string().min(1).max(200),
  givenName: Name.max(100),
  familyName: Name.max(100),
  securityMarking: z.enum(['Ingen', 'Sekretessmarkering', 'Skyddad folkbokföring']).optional(),
  enrolments: z.array(Enrolment).optional(),
  emails: z.array(z.object({ value: z.string() }).loose()).optional(),
  eduPersonPrincipalNames: z.array(z.string()).optional(),
});
const Duty = z.object({ id: z.string().min(1), person: Ref, dutyAt: Ref, dutyRole: z.string() });
const Activity = z.object({
  id: z.string().min(1),
  groups: z.array(Ref).optional(),
  teachers: z.array(z.object({ duty: Ref })).optional(),
});
const Group = z.object({
  id: z.string().min(1).max(200),
  displayName: Name.max(100),
  groupType: z.string(),
  organisation: Ref,
  groupMemberships: z.array(z.object({ person: Ref })).optional(),
});
const Organisation = z.object({
  id: z.string().min(1),
  schoolUnitCode: z.string().optional(),
  displayName: z.string().optional(),
});

/** SS 12000 school types the product serves, to its skolform. */
const SCHOOL_TYPES: Record<string, Skolform> = {
  FKLASS: 'forskoleklass',
  GR: 'grundskola',
  GRS: 'anpassad-grundskola',
  SP: 'specialskola',
  SAM: 'sameskola',
};

export interface Ss12000Files {
  organisations?: unknown;
  persons: unknown;
  groups?: unknown;
  duties?: unknown;
  activities?: unknown;
}

/** Duties whose holders work with pupils' IUPs; they become staff accounts (role teacher, no token). */
const STAFF_ROLES = new Set(['Lärare', 'Förskollärare', 'Fritidspedagog', 'Lärarassistent', 'Rektor']);

export interface StaffRow {
  externalId: string;
  name: string;
  email: string;
  dutyRole: string;
}

/** A teacher with a duty in an activity for a Mentor group is the mentor of its pupils. */
export interface Mentorship {
  staffExternalId: string;
  pupilExternalId: string;
}

export type { NotPupilReason };

export const NOT_PUPIL_REASONS: Record<NotPupilReason, string> = {
  'no-enrolment': 'no enrolment (staff or another role)',
  cancelled: 'enrolment cancelled',
  'school-form': 'enrolled in a school form the product does not serve (only FKLASS, GR, GRS, SP, SAM)',
  'other-unit': 'enrolled at another school unit',
  'unit-unknown': 'enrolled at an organisation that is not in the data, so its school unit cannot be established',
};

export interface ParsedSs12000 {
  rows: RosterRow[];
  errors: RowError[];
  /** Persons not imported as pupils here: how many, and each with why (ids only, never names). */
  notPupils: number;
  notImported: { externalId: string; reason: NotPupilReason }[];
  organisationIds: string[];
  staff: StaffRow[];
  mentorships: Mentorship[];
  /** Staff that could not be taken, with why (no e-mail to sign in with; also enrolled as a pupil). */
  staffSkipped: { externalId: string; reason: string }[];
}

/** A list as the API pages it (`{ data: [...] }`), as an export file names it (`{ persons: [...] }`), or bare. */
function list(file: unknown, key: string): unknown[] {
  if (Array.isArray(file)) return file;
  if (file && typeof file === 'object') {
    const o = file as Record<string, unknown>;
    if (Array.isArray(o.data)) return o.data;
    if (Array.isArray(o[key])) return o[key] as unknown[];
  }
  return [];
}

/**
 * The organisations whose pupils are this school's: the unit with the school's skolenhetskod, or,
 * when the school has none, the one school unit in the data. A municipality's export holds many
 * units; without organisations nobody can tell which persons are this school's, so that is an
 * error, never "everyone".
 */
function schoolUnit(
  orgs: z.infer<typeof Organisation>[],
  schoolUnitCode: string | null,
): { ids: Set<string>; error: string | null } {
  if (orgs.length === 0)
    return {
      ids: new Set(),
      error:
        'the data has no organisations, so which persons belong to this school unit cannot be told; include organisations.json',
    };
  if (schoolUnitCode) {
    const ids = new Set(orgs.filter((o) => o.schoolUnitCode === schoolUnitCode).map((o) => o.id));
    return { ids, error: ids.size ? null : `no organisation with skolenhetskod ${schoolUnitCode}` };
  }
  const units = orgs.filter((o) => o.schoolUnitCode);
  if (units.length === 1) return { ids: new Set([units[0]!.id]), error: null };
  return {
    ids: new Set(),
    error: `the school has no skolenhetskod and the data has ${units.length} school units; set the school's skolenhetskod first`,
  };
}

/** Why a person with these enrolments is not a pupil of the unit, or null when they are. */
function notPupilReason(
  enrolments: z.infer<typeof Enrolment>[],
  unitIds: Set<string>,
  knownOrgIds: Set<string>,
): NotPupilReason | null {
  if (enrolments.length === 0) return 'no-enrolment';
  const active = enrolments.filter((e) => !e.cancelled);
  if (active.length === 0) return 'cancelled';
  const here = active.filter((e) => unitIds.has(e.enroledAt.id));
  if (here.some((e) => SCHOOL_TYPES[e.schoolType])) return null;
  if (here.length) return 'school-form';
  if (active.some((e) => !knownOrgIds.has(e.enroledAt.id))) return 'unit-unknown';
  return 'other-unit';
}

/**
 * Pupils of one school unit (see `schoolUnit`) with skolform and årskurs from their enrolment and
 * the class from their Klass group; everyone else is listed with the reason they are not imported.
 */
export function parseSs12000(files: Ss12000Files, schoolUnitCode: string | null = null): ParsedSs12000 {
  const errors: RowError[] = [];
  const orgs = list(files.organisations, 'organisations')
    .map((o) => Organisation.safeParse(o))
    .filter((r) => r.success)
    .map((r) => r.data);
  const unit = schoolUnit(orgs, schoolUnitCode);
  const orgIds = unit.ids;
  const knownOrgIds = new Set(orgs.map((o) => o.id));
  if (unit.error) errors.push({ row: 0, field: 'organisations', message: unit.error });
  const classOf = new Map<string, { id: string; name: string }>();
  const mentorGroups = new Map<string, string[]>();
  list(files.groups, 'groups').forEach((raw, i) => {
    const g = Group.safeParse(raw);
    if (!g.success) {
      errors.push({ row: i + 1, field: `groups[${i}]`, message: g.error.issues[0]?.message ?? 'invalid group' });
      return;
    }
    if (!orgIds.has(g.data.organisation.id)) return;
    if (g.data.groupType === 'Mentor')
      mentorGroups.set(
        g.data.id,
        (g.data.groupMemberships ?? []).map((m) => m.person.id),
      );
    if (g.data.groupType !== 'Klass') return;
    for (const m of g.data.groupMemberships ?? [])
      if (!classOf.has(m.person.id)) classOf.set(m.person.id, { id: g.data.id, name: g.data.displayName });
  });
  // Staff: persons with a duty at the school unit in a role that works with pupils.
  const dutyPerson = new Map<string, { personId: string; role: string }>();
  for (const raw of list(files.duties, 'duties')) {
    const d = Duty.safeParse(raw);
    if (!d.success || !STAFF_ROLES.has(d.data.dutyRole) || !orgIds.has(d.data.dutyAt.id)) continue;
    dutyPerson.set(d.data.id, { personId: d.data.person.id, role: d.data.dutyRole });
  }
  const staffPersonIds = new Map([...dutyPerson.values()].map((d) => [d.personId, d.role]));
  const rows: RosterRow[] = [];
  const staff: StaffRow[] = [];
  const staffSkipped: ParsedSs12000['staffSkipped'] = [];
  const notImported: ParsedSs12000['notImported'] = [];
  list(files.persons, 'persons').forEach((raw, i) => {
    const row = i + 1;
    const parsed = Person.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        errors.push({ row, field: issue.path.map(String).join('.') || null, message: issue.message });
      return;
    }
    const p = parsed.data;
    const reason = notPupilReason(p.enrolments ?? [], orgIds, knownOrgIds);
    const staffRole = staffPersonIds.get(p.id);
    if (staffRole && !reason) {
      // A child must never get a staff account by a data error: report it and import only the pupil.
      staffSkipped.push({
        externalId: p.id,
        reason: 'also enrolled as a pupil at this school unit; not made a staff account',
      });
    } else if (staffRole) {
      const email =
        p.emails?.find((e) => e.value.includes('@'))?.value ?? p.eduPersonPrincipalNames?.find((e) => e.includes('@'));
      if (email)
        staff.push({
          externalId: p.id,
          name: `${p.givenName} ${p.familyName}`,
          email: email.trim().toLowerCase(),
          dutyRole: staffRole,
        });
      else
        staffSkipped.push({ externalId: p.id, reason: 'no e-mail address or eduPersonPrincipalName to sign in with' });
    }
    if (reason) {
      notImported.push({ externalId: p.id, reason });
      return;
    }
    const enrolment = p.enrolments!.find(
      (e) => !e.cancelled && SCHOOL_TYPES[e.schoolType] && orgIds.has(e.enroledAt.id),
    )!;
    const skolform = SCHOOL_TYPES[enrolment.schoolType]!;
    const arskurs = skolform === 'forskoleklass' ? 0 : enrolment.schoolYear;
    if (arskurs === null || arskurs === undefined) {
      errors.push({ row, field: 'enrolments.schoolYear', message: `no schoolYear for ${enrolment.schoolType}` });
      return;
    }
    const [min, max] = ARSKURS_RANGE[skolform];
    if (arskurs < min || arskurs > max) {
      errors.push({ row, field: 'enrolments.schoolYear', message: `schoolYear for ${skolform} is ${min}–${max}` });
      return;
    }
    const klass = classOf.get(p.id);
    rows.push({
      row,
      externalId: p.id,
      firstName: p.givenName,
      lastName: p.familyName,
      skolform,
      arskurs,
      className: klass?.name ?? null,
      classExternalId: klass?.id ?? null,
      securityMarked: p.securityMarking !== undefined && p.securityMarking !== 'Ingen',
    });
  });
  const pupilIds = new Set(rows.map((r) => r.externalId));
  const staffIds = new Set(staff.map((st) => st.externalId));
  const pairs = new Set<string>();
  const mentorships: Mentorship[] = [];
  for (const raw of list(files.activities, 'activities')) {
    const a = Activity.safeParse(raw);
    if (!a.success) continue;
    const teachers = (a.data.teachers ?? [])
      .map((t) => dutyPerson.get(t.duty.id)?.personId)
      .filter((id): id is string => !!id && staffIds.has(id));
    for (const g of a.data.groups ?? []) {
      for (const pupil of mentorGroups.get(g.id) ?? []) {
        if (!pupilIds.has(pupil)) continue;
        for (const teacher of teachers) {
          const key = `${teacher}|${pupil}`;
          if (!pairs.has(key)) {
            pairs.add(key);
            mentorships.push({ staffExternalId: teacher, pupilExternalId: pupil });
          }
        }
      }
    }
  }
  return {
    rows,
    errors,
    notPupils: notImported.length,
    notImported,
    organisationIds: [...orgIds],
    staff,
    mentorships,
    staffSkipped,
  };
}
