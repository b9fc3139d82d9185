import { z } from 'zod';
import { Id } from './common';
import { IupDocument, IupRevision } from './iup';
import { Meeting } from './meeting';
import { PhraseVersion } from './phrase';
import { Pupil } from './pupil';
import { ShareComment, ShareLink } from './share';
import { Invitation, SamtalTime } from './samtal';

/**
 * The envelopes the API answers in, one schema each: the route declares it (and the OpenAPI
 * document shows it), the extension's client parses with it. Kept apart from the records they
 * wrap so a new list or report has one obvious place.
 */
export const PupilList = z.object({ pupils: z.array(Pupil), total: z.int() });
export const MeetingList = z.object({ meetings: z.array(Meeting) });
export const RevisionList = z.object({ revisions: z.array(IupRevision) });
export const PhraseVersionList = z.object({ versions: z.array(PhraseVersion) });
export const UsageApplied = z.object({ applied: z.int() });
export const ShareLinkList = z.object({ links: z.array(ShareLink) });
export const ShareLinkCreated = z.object({ link: ShareLink, path: z.string() });
export const ShareLinkRevoked = z.object({ link: ShareLink });
export const ShareCommentList = z.object({ comments: z.array(ShareComment) });
export const CalendarFeedCreated = z.object({ id: Id, path: z.string() });
export const CalendarFeedList = z.object({
  feeds: z.array(z.object({ id: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })),
});
export const HandoverImportReport = z.object({
  pupilId: Id,
  createdPupil: z.boolean(),
  iupsImported: z.array(z.string()),
  iupsSkipped: z.array(z.object({ schoolYear: z.string(), reason: z.string() })),
  meetingsImported: z.int(),
});
export const Deleted = z.object({ deleted: z.literal(true) });

/** A 409 on an IUP: `error.details` holds the current document, to merge with. */
export const IupConflictDetails = z.object({
  current: IupDocument,
  /** Who saved the current version, when the API knows (older servers do not send it). */
  savedByName: z.string().nullable().optional(),
});
export const AcknowledgementList = z.object({
  acknowledgements: z.array(z.object({ who: z.enum(['pupil', 'guardian']), comment: z.string(), at: z.string() })),
});
export const SamtalTimeList = z.object({ times: z.array(SamtalTime) });
export const InvitationList = z.object({ invitations: z.array(Invitation) });
