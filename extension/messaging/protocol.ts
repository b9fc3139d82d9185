import type { IupRevision } from '../../shared/schemas/iup';
import type { Agreement, FollowUp, Participants } from '../../shared/schemas/meeting';
import type { PreparationView } from '../../shared/schemas/preparation';
import type { ShareComment, ShareLink } from '../../shared/schemas/share';

/**
 * Every message of the extension, in one place: its name, what it carries and what it answers.
 * Types only (no code), so the always-loaded content script pays nothing for it. Senders use
 * `send.ts`; the background's one dispatcher (`dispatch.ts`) parses every payload from a content
 * script with `payloads.ts` before a handler sees it — a content script runs in a page's process.
 */

/** An answer that can fail in a way the sender shows to the teacher. */
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; error: ErrorKind };
/** What became of text sent to the platform's field; only `ok` was seen in the field after the editor's update. */
export type FieldInsertOutcome = { ok: true } | { ok: false; reason: 'no-field' | 'refused' | 'unsupported' };
export type ErrorKind = 'not-configured' | 'network' | 'unauthorized' | 'http' | 'invalid-response' | 'error';

/** A lazily injected UI module: the feature folder it comes from (`features/<name>/ui.ts`). */
export type LazyUi = string;

/** Messages the background handles (from content scripts and the extension's pages). */
export interface BackgroundProtocol {
  /** Sync the phrase bank (and drafts, and deadlines) now. */
  'sync-now': { payload: undefined; reply: Outcome<{ phrases?: number }> };
  /** Open the phrase bank page, optionally with text waiting in the proposal form. */
  'open-phrase-bank': { payload: { text?: string }; reply: true };
  /** Inject a feature's UI module into the sender's frame. */
  'load-ui': { payload: { feature: LazyUi }; reply: boolean };
  /** A child frame asks for the palette in the top frame; false: show it yourself. */
  'palette-request': { payload: undefined; reply: boolean };
  /** The top frame's palette answered for the frame that asked. */
  'palette-result': {
    payload: { sourceFrameId: number; phraseId: string | null; text: string | null };
    reply: boolean;
  };
  /** The pupil chosen in the palette, kept for the browser session (never in the page). */
  'chosen-pupil-get': { payload: undefined; reply: string | null };
  'chosen-pupil-set': { payload: { pupilId: string | null }; reply: true };
  /** Ask the tab's top frame to open the IUP panel (from a banner, say). */
  'open-panel-here': { payload: undefined; reply: boolean };
  /** A frame's platform field got focus: "Skicka till fältet" writes into that frame's field. */
  'field-focused': { payload: undefined; reply: true };
  /** The panel closed: put focus back in the field the teacher last wrote in, in whichever frame. */
  'return-to-field': { payload: undefined; reply: boolean };
  /** The panel's "Skicka till fältet": insert into the field the teacher last wrote in, in whichever frame. */
  'send-to-field': { payload: { text: string }; reply: FieldInsertOutcome };
  /** A draft changed locally; send it soon. */
  'draft-changed': { payload: undefined; reply: true };
  /** Bring the server's IUP for a pupil and läsår into the local draft. */
  'load-draft': { payload: { pupilId: string; schoolYear: string }; reply: Outcome };
  /** The teacher chose how to resolve a conflict; save it. */
  'resolve-conflict': { payload: { pupilId: string; schoolYear: string }; reply: Outcome };
  'list-revisions': { payload: { documentId: string }; reply: Outcome<{ revisions: IupRevision[] }> };
  'restore-revision': { payload: { pupilId: string; schoolYear: string; version: number }; reply: Outcome };
  /** The pupil's share links and what the pupil and guardians wrote. */
  'share-info': {
    payload: { pupilId: string; schoolYear: string };
    reply: Outcome<{ links: ShareLink[]; comments: ShareComment[] }>;
  };
  /** A new family link; `label` names the household when each gets its own. */
  'share-create': {
    payload: { pupilId: string; schoolYear: string; label?: string };
    reply: Outcome<{ url: string }>;
  };
  'share-revoke': { payload: { linkId: string }; reply: Outcome };
  /** Open the printable IUP in a tab. */
  'open-print': { payload: { pupilId: string; schoolYear: string }; reply: Outcome };
  /** The pupil's next booked samtal, the free times offered to the pupil, and the invitations. */
  'samtal-info': { payload: { pupilId: string }; reply: Outcome<PupilSamtal> };
  /** Book the pupil into a free time. `taken`: someone was faster. */
  'samtal-book': { payload: { pupilId: string; timeId: string }; reply: Outcome<{ taken?: true }> };
  /** Book a time agreed with the family (by phone, say) that no published time covers. */
  'samtal-book-agreed': {
    payload: { pupilId: string; startsAt: string; durationMinutes: number; place: string };
    reply: Outcome;
  };
  /** The samtal took place: who took part, how last time's agreements went, and the new ones. */
  'samtal-held': {
    payload: {
      meetingId: string;
      participants: Participants;
      agreements: Agreement[];
      followUp: FollowUp[];
    };
    reply: Outcome;
  };
  /** Record that the pupil's family was invited (by link). */
  'samtal-invite': { payload: { pupilId: string }; reply: Outcome };
  /** Open the Samtal page in a tab. */
  'open-samtal': { payload: undefined; reply: true };
}

/** What the panel's samtal part shows for one pupil. */
export interface PupilSamtal {
  booking: {
    meetingId: string;
    startsAt: string;
    durationMinutes: number;
    place: string | null;
    interpreterLanguage: string | null;
    bookedBy: 'teacher' | 'family';
  } | null;
  freeTimes: { id: string; startsAt: string; durationMinutes: number; place: string }[];
  invitedAt: string | null;
  declined: boolean;
  /** A booked samtal whose time has come (today or passed, not yet marked held). */
  toHold: { meetingId: string; startsAt: string; durationMinutes: number } | null;
  /** The agreements of the samtal before it, to follow up. */
  previousAgreements: Agreement[];
  /** What the pupil and the guardians answered to prepare, with the questions they were asked. */
  preparation: PreparationView | null;
  /** The latest held samtal's agreements, and who in the family has confirmed reading them. */
  lastHeld: {
    startsAt: string;
    agreements: Agreement[];
    acknowledgements: { who: 'pupil' | 'guardian'; comment: string; at: string }[];
  } | null;
}

/** Messages content scripts handle (from the background and the popup). */
export interface ContentProtocol {
  /** The palette shortcut, to every frame; the frame with the focused field answers. */
  'open-palette': { payload: undefined; reply: void };
  /** Open (or focus) the IUP panel; top frame only. */
  'open-panel': { payload: { pupilId?: string } | undefined; reply: boolean };
  /** Show the palette in the top frame on behalf of a child frame. */
  'palette-show': { payload: { sourceFrameId: number }; reply: boolean };
  /** Focus the field this frame remembers, caret as it was. */
  'restore-field': { payload: undefined; reply: boolean };
  /** Insert into the field this frame remembers (the panel's "Skicka till fältet"). */
  'insert-in-field': { payload: { text: string }; reply: FieldInsertOutcome };
  /** The top frame's palette answered: insert into the field waiting in this frame. */
  'palette-result': { payload: { phraseId: string | null; text: string | null }; reply: boolean };
}

export type BackgroundMessage = keyof BackgroundProtocol;
export type ContentMessage = keyof ContentProtocol;

/** How a message travels: its name and its payload, nothing else. */
export interface Envelope<K extends string = string> {
  type: K;
  payload?: unknown;
}
