import ical, { ICalEventStatus } from 'ical-generator';
import type { FeedMeeting } from '../repositories/calendar';

/**
 * The teacher's planned samtal as iCalendar (RFC 5545). Calendar feeds leak (shared calendars,
 * sync services), so events carry the first name and the surname's initial only, and nothing
 * for pupils with a security marking.
 */
export function meetingsCalendar(items: FeedMeeting[], now: Date): string {
  const cal = ical({
    name: 'IUP-stöd: utvecklingssamtal',
    prodId: { company: 'IUP-stöd', product: 'samtal', language: 'SV' },
  });
  for (const m of items) {
    const start = new Date(m.startsAt);
    cal.createEvent({
      // One UID per samtal for its whole life: a move or a cancellation updates the same event.
      id: `${m.id}@iup-stod`,
      sequence: m.sequence,
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      start,
      end: new Date(start.getTime() + m.durationMinutes * 60_000),
      stamp: now,
      summary: m.securityMarked ? 'Utvecklingssamtal' : `Utvecklingssamtal: ${m.firstName} ${m.lastName.slice(0, 1)}.`,
      // The place of a security-marked pupil's samtal could locate them: left out.
      location: m.securityMarked ? null : m.place,
    });
  }
  return cal.toString();
}

/** The family's booked samtal as a calendar file: the same UID and SEQUENCE as the teacher's event. */
export function familyBookingCalendar(
  m: { id: string; startsAt: string; durationMinutes: number; place: string | null; sequence: number },
  schoolName: string,
  lang: 'sv' | 'en',
  now: Date,
): string {
  const cal = ical({
    name: lang === 'sv' ? 'Utvecklingssamtal' : 'Development meeting',
    prodId: { company: 'IUP-stöd', product: 'samtal', language: lang.toUpperCase() },
  });
  const start = new Date(m.startsAt);
  cal.createEvent({
    id: `${m.id}@iup-stod`,
    sequence: m.sequence,
    start,
    end: new Date(start.getTime() + m.durationMinutes * 60_000),
    stamp: now,
    summary: `${lang === 'sv' ? 'Utvecklingssamtal' : 'Development meeting'}${schoolName ? ` – ${schoolName}` : ''}`,
    location: m.place,
  });
  return cal.toString();
}
