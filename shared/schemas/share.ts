import { z } from 'zod';
import { Id, Name, SchoolYearLabel } from './common';

export const SHARE_DEFAULT_DAYS = 30;
export const SHARE_MAX_DAYS = 90;
/** Long enough for what one wants to raise at a samtal, short enough to stay a note. */
export const SHARE_COMMENT_MAX = 2000;
/** Writes per link per hour: a family edits a few times; a script is stopped. */
export const SHARE_WRITES_PER_HOUR = 20;

export const ShareLinkCreate = z
  .object({
    schoolYear: SchoolYearLabel,
    days: z.int().min(1).max(SHARE_MAX_DAYS).default(SHARE_DEFAULT_DAYS),
    /** Whose link it is, when each household gets its own; teachers see it, families do not. */
    label: Name.pipe(z.string().max(60)).optional(),
  })
  .strict();
export type ShareLinkCreate = z.input<typeof ShareLinkCreate>;

export const ShareLinkState = z.enum(['active', 'expired', 'revoked']);
export type ShareLinkState = z.infer<typeof ShareLinkState>;

export const ShareLink = z.object({
  id: Id,
  pupilId: Id,
  schoolYear: SchoolYearLabel,
  createdBy: Id,
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  label: z.string().nullable(),
  state: ShareLinkState,
});
export type ShareLink = z.infer<typeof ShareLink>;

/** The two comment sections a share link may write, and nothing else. */
export const ShareCommentAuthor = z.enum(['pupil', 'guardians']);
export type ShareCommentAuthor = z.infer<typeof ShareCommentAuthor>;

export const ShareCommentInput = z
  .object({
    section: ShareCommentAuthor,
    text: z.string().trim().max(SHARE_COMMENT_MAX),
  })
  .strict();

export const ShareComment = z.object({ author: ShareCommentAuthor, text: z.string(), updatedAt: z.string() });
export type ShareComment = z.infer<typeof ShareComment>;
