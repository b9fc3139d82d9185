import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  Agreement,
  Calendar,
  FollowUp,
  IupSections,
  IupTemplate,
  Participants,
  PreparationAnswers,
  SchoolSettings,
} from '../../shared/index';

// Timestamps are ISO-8601 strings in UTC: sortable as text and readable in an export.
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export const schools = sqliteTable('schools', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  schoolUnitCode: text('school_unit_code'),
  calendar: text('calendar', { mode: 'json' }).$type<Calendar>().notNull(),
  settings: text('settings', { mode: 'json' }).$type<SchoolSettings>().notNull(),
  template: text('template', { mode: 'json' }).$type<IupTemplate>().notNull(),
  /**
   * Bumped by triggers (migration 0007) in the same transaction as every write that can change a
   * deadline report of the school: a report's ETag is built from it, so a poll that finds it
   * unchanged costs one row read.
   */
  dutiesVersion: integer('duties_version').notNull().default(0),
  createdAt: text('created_at').notNull().default(now),
});

export const teachers = sqliteTable(
  'teachers',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ['teacher', 'admin'] }).notNull(),
    /** The SS 12000 person id, for staff imported from the school's administrative system. */
    ss12000Id: text('ss12000_id'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('teachers_school_email').on(t.schoolId, t.email),
    uniqueIndex('teachers_school_ss12000').on(t.schoolId, t.ss12000Id),
  ],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => teachers.id),
    /** SHA-256 of the token, hex. The token itself is shown once and never stored. */
    hash: text('hash').notNull(),
    label: text('label').notNull(),
    createdAt: text('created_at').notNull().default(now),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.hash)],
);

/** Revocable tokens for calendar subscriptions, which cannot send an Authorization header. */
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    id: text('id').primaryKey(),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => teachers.id),
    hash: text('hash').notNull(),
    createdAt: text('created_at').notNull().default(now),
    revokedAt: text('revoked_at'),
  },
  (t) => [uniqueIndex('calendar_feeds_hash').on(t.hash)],
);

export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  schoolId: text('school_id')
    .notNull()
    .references(() => schools.id),
  name: text('name').notNull(),
});

export const teamMembers = sqliteTable(
  'team_members',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id),
    teacherId: text('teacher_id')
      .notNull()
      .references(() => teachers.id),
    role: text('role', { enum: ['member', 'lead'] })
      .notNull()
      .default('member'),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.teacherId] }), index('team_members_teacher').on(t.teacherId)],
);

export const groups = sqliteTable(
  'groups',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    teamId: text('team_id').references(() => teams.id),
    name: text('name').notNull(),
    type: text('type', { enum: ['klass', 'undervisning', 'mentor'] }).notNull(),
    externalId: text('external_id'),
  },
  (t) => [index('groups_school').on(t.schoolId), index('groups_team').on(t.teamId)],
);

export const pupils = sqliteTable(
  'pupils',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    skolform: text('skolform', {
      enum: ['forskoleklass', 'grundskola', 'anpassad-grundskola', 'specialskola', 'sameskola'],
    }).notNull(),
    arskurs: integer('arskurs').notNull(),
    getsGrades: integer('gets_grades', { mode: 'boolean' }).notNull().default(false),
    pronoun: text('pronoun', { enum: ['none', 'han', 'hon', 'hen'] })
      .notNull()
      .default('none'),
    lmsId: text('lms_id'),
    ss12000Id: text('ss12000_id'),
    securityMarked: integer('security_marked', { mode: 'boolean' }).notNull().default(false),
    enrolledAt: text('enrolled_at'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('pupils_school').on(t.schoolId),
    uniqueIndex('pupils_school_lms').on(t.schoolId, t.lmsId),
    uniqueIndex('pupils_school_ss12000').on(t.schoolId, t.ss12000Id),
  ],
);

export const groupMembers = sqliteTable(
  'group_members',
  {
    groupId: text('group_id')
      .notNull()
      .references(() => groups.id),
    pupilId: text('pupil_id')
      .notNull()
      .references(() => pupils.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.pupilId] }), index('group_members_pupil').on(t.pupilId)],
);

export const mentors = sqliteTable(
  'mentors',
  {
    teacherId: text('teacher_id')
      .notNull()
      .references(() => teachers.id),
    pupilId: text('pupil_id')
      .notNull()
      .references(() => pupils.id),
  },
  (t) => [primaryKey({ columns: [t.teacherId, t.pupilId] }), index('mentors_pupil').on(t.pupilId)],
);

export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: text('pupil_id')
      .notNull()
      .references(() => pupils.id),
    startsAt: text('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(30),
    status: text('status', { enum: ['planned', 'held', 'cancelled'] }).notNull(),
    agreements: text('agreements', { mode: 'json' }).$type<Agreement[]>().notNull(),
    place: text('place'),
    /** The published time this samtal was booked in (samtal_times), if any. */
    timeId: text('time_id'),
    /** The family link a booking was made through; null when a teacher booked. */
    bookedViaLink: text('booked_via_link'),
    interpreterLanguage: text('interpreter_language'),
    /** iCalendar SEQUENCE: bumped by every move and by a cancellation, so calendars update the event. */
    sequence: integer('sequence').notNull().default(0),
    /** When the samtal was marked held, and by whom. */
    heldAt: text('held_at'),
    heldBy: text('held_by').references(() => teachers.id),
    /** Who took part: the pupil, how many guardians, an interpreter (language), others. */
    participants: text('participants', { mode: 'json' }).$type<Participants>(),
    /** How each agreement of the previous samtal went (done / partly / not), with a note. */
    followUp: text('follow_up', { mode: 'json' })
      .$type<FollowUp[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Derived (virtual) so the deadline report reads it from an index, not from every row. */
    agreementCount: integer('agreement_count').generatedAlwaysAs(sql`json_array_length(agreements)`, {
      mode: 'virtual',
    }),
    createdBy: text('created_by')
      .notNull()
      .references(() => teachers.id),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    // Covers the school overview's read of the läsår's samtal: no table row is visited.
    index('meetings_school').on(t.schoolId, t.startsAt, t.pupilId, t.status, t.agreementCount, t.id),
    index('meetings_pupil').on(t.pupilId, t.startsAt),
    index('meetings_created_by').on(t.createdBy, t.startsAt),
    // One live booking per published time, whatever the concurrency.
    uniqueIndex('meetings_time_live')
      .on(t.timeId)
      .where(sql`time_id is not null and status <> 'cancelled'`),
  ],
);

/** One publication of samtal times: who published it; its audience is in samtal_audience. */
export const samtalOffers = sqliteTable('samtal_offers', {
  id: text('id').primaryKey(),
  schoolId: text('school_id')
    .notNull()
    .references(() => schools.id),
  createdBy: text('created_by')
    .notNull()
    .references(() => teachers.id),
  createdAt: text('created_at').notNull(),
});

/** The classes and pupils an offer's times are for: a row names a group or a pupil. */
export const samtalAudience = sqliteTable(
  'samtal_audience',
  {
    offerId: text('offer_id')
      .notNull()
      .references(() => samtalOffers.id),
    groupId: text('group_id').references(() => groups.id),
    pupilId: text('pupil_id').references(() => pupils.id),
  },
  (t) => [
    index('samtal_audience_offer').on(t.offerId),
    index('samtal_audience_group').on(t.groupId),
    index('samtal_audience_pupil').on(t.pupilId),
  ],
);

/** A bookable time. Booked when a live meeting points at it (meetings.time_id). */
export const samtalTimes = sqliteTable(
  'samtal_times',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    offerId: text('offer_id')
      .notNull()
      .references(() => samtalOffers.id),
    startsAt: text('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place').notNull(),
    interpreterAvailable: integer('interpreter_available', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by')
      .notNull()
      .references(() => teachers.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('samtal_times_offer').on(t.offerId, t.startsAt),
    index('samtal_times_school').on(t.schoolId, t.startsAt),
    index('samtal_times_created_by').on(t.createdBy, t.startsAt),
  ],
);

/**
 * That the school invited a pupil's family to a samtal: when, how, and whether the family said no.
 * In förskoleklass the invitation is the duty itself.
 */
export const samtalInvitations = sqliteTable(
  'samtal_invitations',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: text('pupil_id')
      .notNull()
      .references(() => pupils.id),
    schoolYear: text('school_year').notNull(),
    sentAt: text('sent_at').notNull(),
    method: text('method', { enum: ['link', 'letter', 'other'] }).notNull(),
    declinedAt: text('declined_at'),
    createdBy: text('created_by')
      .notNull()
      .references(() => teachers.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('samtal_invitations_pupil').on(t.pupilId, t.schoolYear, t.sentAt),
    index('samtal_invitations_school').on(t.schoolId, t.schoolYear, t.pupilId),
  ],
);

export const iupDocuments = sqliteTable(
  'iup_documents',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: text('pupil_id')
      .notNull()
      .references(() => pupils.id),
    schoolYear: text('school_year').notNull(),
    status: text('status', { enum: ['draft', 'ready', 'shared', 'agreed'] }).notNull(),
    sections: text('sections', { mode: 'json' }).$type<IupSections>().notNull(),
    version: integer('version').notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => teachers.id),
    statusChangedBy: text('status_changed_by').references(() => teachers.id),
    statusChangedAt: text('status_changed_at'),
    /** When the status was last set to shared: the preparation rule asks when, not only whether. */
    sharedAt: text('shared_at'),
    /** The held samtal the IUP was agreed at (set by the API when the status becomes agreed). */
    agreedMeetingId: text('agreed_meeting_id'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('iup_documents_pupil_year').on(t.pupilId, t.schoolYear),
    index('iup_documents_school').on(t.schoolId),
  ],
);

export const iupRevisions = sqliteTable(
  'iup_revisions',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => iupDocuments.id),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'ready', 'shared', 'agreed'] }).notNull(),
    sections: text('sections', { mode: 'json' }).$type<IupSections>().notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => teachers.id),
    restoredFromVersion: integer('restored_from_version'),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('iup_revisions_doc_version').on(t.documentId, t.version)],
);

export const phrases = sqliteTable(
  'phrases',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    scope: text('scope', { enum: ['team', 'school'] }).notNull(),
    teamId: text('team_id').references(() => teams.id),
    text: text('text').notNull(),
    subject: text('subject'),
    aspect: text('aspect', { enum: ['knowledge', 'social', 'planning'] }).notNull(),
    level: text('level', { enum: ['E', 'C', 'A'] }),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    status: text('status', { enum: ['proposed', 'approved', 'retired'] }).notNull(),
    authorId: text('author_id')
      .notNull()
      .references(() => teachers.id),
    usageCount: integer('usage_count').notNull().default(0),
    lastUsedAt: text('last_used_at'),
    /** Bumped by every edit; each version's content is kept in phrase_versions. */
    version: integer('version').notNull().default(1),
    deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
    /** Monotonic per database; the sync cursor, since timestamps can tie within a millisecond. */
    changeSeq: integer('change_seq').notNull(),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('phrases_school_seq').on(t.schoolId, t.changeSeq)],
);

/**
 * Every version of a phrase as it was written: who, when, and the text. Phrases are a team's
 * shared vocabulary, not pupil data, so unlike the audit log the content is kept.
 */
export const phraseVersions = sqliteTable(
  'phrase_versions',
  {
    phraseId: text('phrase_id')
      .notNull()
      .references(() => phrases.id),
    version: integer('version').notNull(),
    schoolId: text('school_id').notNull(),
    text: text('text').notNull(),
    subject: text('subject'),
    aspect: text('aspect', { enum: ['knowledge', 'social', 'planning'] }).notNull(),
    level: text('level', { enum: ['E', 'C', 'A'] }),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
    status: text('status', { enum: ['proposed', 'approved', 'retired'] }).notNull(),
    editorId: text('editor_id').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.phraseId, t.version] })],
);

/** Who did what to which record, when — never the content itself. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    schoolId: text('school_id').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The pupil the entry is about, so access to one pupil's data can be followed up (loggkontroll). */
    pupilId: text('pupil_id'),
    /** The family link that acted, when no teacher did (a booking made by a guardian). */
    linkId: text('link_id'),
    at: text('at').notNull().default(now),
  },
  (t) => [
    index('audit_log_school_at').on(t.schoolId, t.at),
    index('audit_log_school_pupil').on(t.schoolId, t.pupilId, t.at),
    index('audit_log_school_actor').on(t.schoolId, t.actorId, t.at),
  ],
);

/**
 * Read-only links for pupils and guardians to prepare for the samtal. Only the token's hash is
 * stored; the link shows one pupil's IUP of one läsår and takes comments in two sections.
 */
export const shareLinks = sqliteTable(
  'share_links',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: text('pupil_id')
      .notNull()
      .references(() => pupils.id),
    schoolYear: text('school_year').notNull(),
    hash: text('hash').notNull(),
    /** Whose link it is, when each household gets its own ("Mamma", "Pappa"); shown to teachers only. */
    label: text('label'),
    createdBy: text('created_by')
      .notNull()
      .references(() => teachers.id),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    revokedAt: text('revoked_at'),
    /** Fixed-window write limit, kept in the row so it holds across Worker isolates too. */
    writeWindowStart: text('write_window_start'),
    writeCount: integer('write_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('share_links_hash').on(t.hash),
    index('share_links_pupil').on(t.pupilId, t.createdAt),
    // The school overview reads when links were made, for the preparation rule, by the school.
    index('share_links_school').on(t.schoolId, t.createdAt, t.pupilId),
  ],
);

/** "Inför samtalet": what the pupil and the guardians want to talk about, one text each per läsår. */
export const shareComments = sqliteTable(
  'share_comments',
  {
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: text('pupil_id')
      .notNull()
      .references(() => pupils.id),
    schoolYear: text('school_year').notNull(),
    author: text('author', { enum: ['pupil', 'guardians'] }).notNull(),
    text: text('text').notNull(),
    linkId: text('link_id')
      .notNull()
      .references(() => shareLinks.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pupilId, t.schoolYear, t.author] })],
);

/**
 * The pupil or a guardian confirmed, through the family link, that they have read the agreements
 * of a held samtal. An acknowledgement, not a signature; with an optional comment.
 */
export const samtalAcknowledgements = sqliteTable(
  'samtal_acknowledgements',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    pupilId: text('pupil_id')
      .notNull()
      .references(() => pupils.id),
    linkId: text('link_id')
      .notNull()
      .references(() => shareLinks.id),
    who: text('who', { enum: ['pupil', 'guardian'] }).notNull(),
    comment: text('comment').notNull().default(''),
    at: text('at').notNull(),
  },
  (t) => [
    index('samtal_acknowledgements_meeting').on(t.meetingId, t.at),
    index('samtal_acknowledgements_pupil').on(t.pupilId),
  ],
);

/** The pupil's and the guardians' answers to the preparation questions, one set each per läsår. */
export const preparationAnswers = sqliteTable(
  'preparation_answers',
  {
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    pupilId: text('pupil_id')
      .notNull()
      .references(() => pupils.id),
    schoolYear: text('school_year').notNull(),
    author: text('author', { enum: ['pupil', 'guardians'] }).notNull(),
    answers: text('answers', { mode: 'json' }).$type<PreparationAnswers>().notNull(),
    linkId: text('link_id')
      .notNull()
      .references(() => shareLinks.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pupilId, t.schoolYear, t.author] })],
);

/** Each pull from a school's SS 12000 API: the next pull asks for persons changed since `startedAt`. */
export const rosterPulls = sqliteTable(
  'roster_pulls',
  {
    id: text('id').primaryKey(),
    schoolId: text('school_id')
      .notNull()
      .references(() => schools.id),
    /** The source's base URL (no credentials: the token is never stored). */
    source: text('source').notNull(),
    since: text('since'),
    startedAt: text('started_at').notNull(),
    actorId: text('actor_id')
      .notNull()
      .references(() => teachers.id),
    report: text('report', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('roster_pulls_school_source').on(t.schoolId, t.source, t.startedAt)],
);
