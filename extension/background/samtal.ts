import { browser } from 'wxt/browser';
import { schoolYearOf } from '../../shared/iup/school-year';
import type { BackgroundHandlers } from '../messaging/dispatch';
import { ApiClientError } from '../sync/api-client';
import { withApi } from './with-api';

/** The panel's samtal part: the pupil's booking, free times, invitations; booking and inviting. */
export const samtalHandlers = {
  'samtal-info': ({ pupilId }) =>
    withApi(async (api) => {
      const now = new Date().toISOString();
      const [times, meetings, invitations] = await Promise.all([
        api.samtalTimes({ pupilId }),
        api.pupilMeetings(pupilId),
        api.invitations(pupilId),
      ]);
      const next = meetings.meetings.find((m) => m.status === 'planned' && m.startsAt >= now) ?? null;
      // Today's or a passed samtal not yet marked held: the one the teacher is about to record.
      const soon = new Date(Date.now() + 12 * 3_600_000).toISOString();
      const due = meetings.meetings.filter((m) => m.status === 'planned' && m.startsAt <= soon).at(-1) ?? null;
      const before = due ?? next;
      const lastHeld = meetings.meetings.filter((m) => m.status === 'held').at(-1) ?? null;
      const previous =
        meetings.meetings.filter((m) => m.status === 'held' && (!before || m.startsAt < before.startsAt)).at(-1) ??
        null;
      const latest = invitations.invitations[0] ?? null;
      return {
        booking: next && {
          meetingId: next.id,
          startsAt: next.startsAt,
          durationMinutes: next.durationMinutes,
          place: next.place,
          interpreterLanguage: next.interpreterLanguage,
          bookedBy: next.bookedBy,
        },
        freeTimes: times.times
          .filter((x) => x.booking === null && x.startsAt > now)
          .map((x) => ({ id: x.id, startsAt: x.startsAt, durationMinutes: x.durationMinutes, place: x.place })),
        invitedAt: latest?.sentAt ?? null,
        declined: latest?.declinedAt != null,
        toHold: due && { meetingId: due.id, startsAt: due.startsAt, durationMinutes: due.durationMinutes },
        previousAgreements: previous?.agreements ?? [],
        preparation: await api.preparation(pupilId, schoolYearOf(now.slice(0, 10))).catch(() => null),
        lastHeld: lastHeld && {
          startsAt: lastHeld.startsAt,
          agreements: lastHeld.agreements,
          acknowledgements: (await api.meetingAcknowledgements(lastHeld.id)).acknowledgements,
        },
      };
    }),
  'samtal-book': ({ pupilId, timeId }) =>
    withApi(async (api) => {
      try {
        await api.book({ pupilId, timeId });
        return {};
      } catch (err) {
        if (err instanceof ApiClientError && err.status === 409) return { taken: true as const };
        throw err;
      }
    }),
  'samtal-book-agreed': (booking) =>
    withApi(async (api) => {
      await api.book(booking);
      return {};
    }),
  'samtal-held': ({ meetingId, participants, agreements, followUp }) =>
    withApi(async (api) => {
      await api.updateMeeting(meetingId, { status: 'held', participants, agreements, followUp });
      return {};
    }),
  'samtal-invite': ({ pupilId }) =>
    withApi(async (api) => {
      await api.invite([pupilId], 'link');
      return {};
    }),
  'open-samtal': async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/samtal.html') });
    return true as const;
  },
} satisfies Partial<BackgroundHandlers>;
