import ical from 'ical-generator';
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
      id: `${m.id}@iup-stod`,
      start,
      end: new Date(start.getTime() + m.durationMinutes * 60_000),
      stamp: now,
      summary: m.securityMarked ? 'Utvecklingssamtal' : `Utvecklingssamtal: ${m.firstName} ${m.lastName.slice(0, 1)}.`,
    });
  }
  return cal.toString();
}
