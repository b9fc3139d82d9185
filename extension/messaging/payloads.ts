import { z } from 'zod';
import { Agreement, FollowUp, Participants } from '../../shared/schemas/meeting';
import type { BackgroundMessage } from './protocol';

/**
 * What each background message may carry, checked before any handler runs: a content script
 * shares its process with the page, so a message from one is input like any other.
 */
const id = z.uuid();
const schoolYear = z.string().regex(/^\d{4}\/\d{2}$/);
const none = z.undefined();
const pupilYear = z.object({ pupilId: id, schoolYear }).strict();

export const PAYLOADS = {
  'sync-now': none,
  'open-phrase-bank': z.object({ text: z.string().max(10_000).optional() }).strict(),
  'load-ui': z.object({ feature: z.string().regex(/^[a-z][a-z-]{0,40}$/) }).strict(),
  'palette-request': none,
  // A phrase id from the extension's own cache, looked up there again by the frame that inserts.
  'palette-result': z
    .object({
      sourceFrameId: z.int().min(1),
      phraseId: z.string().min(1).max(100).nullable(),
      text: z.string().max(20_000).nullable(),
    })
    .strict(),
  'chosen-pupil-get': none,
  'chosen-pupil-set': z.object({ pupilId: z.string().min(1).max(100).nullable() }).strict(),
  'open-panel-here': none,
  'field-focused': none,
  'return-to-field': none,
  'send-to-field': z.object({ text: z.string().min(1).max(20_000) }).strict(),
  'draft-changed': none,
  'load-draft': pupilYear,
  'resolve-conflict': pupilYear,
  'list-revisions': z.object({ documentId: id }).strict(),
  'restore-revision': pupilYear.extend({ version: z.int().min(1) }).strict(),
  'share-info': pupilYear,
  'share-create': pupilYear.extend({ label: z.string().trim().min(1).max(60).optional() }).strict(),
  'share-revoke': z.object({ linkId: id }).strict(),
  'open-print': pupilYear,
  'samtal-info': z.object({ pupilId: id }).strict(),
  'samtal-book': z.object({ pupilId: id, timeId: id }).strict(),
  'samtal-book-agreed': z
    .object({
      pupilId: id,
      startsAt: z.iso.datetime({ offset: true }),
      durationMinutes: z.int().min(5).max(240),
      place: z.string().trim().min(1).max(300),
    })
    .strict(),
  'samtal-invite': z.object({ pupilId: id }).strict(),
  'samtal-held': z
    .object({
      meetingId: id,
      participants: Participants,
      agreements: z.array(Agreement).max(50),
      followUp: z.array(FollowUp).max(50),
    })
    .strict(),
  'open-samtal': none,
} satisfies Record<BackgroundMessage, z.ZodType>;
