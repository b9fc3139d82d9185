import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { schools, type shareLinks } from '../../db/schema';
import { upcomingBooking } from './bookings';
import { freeTimesForPupil } from './times';

type LinkRow = typeof shareLinks.$inferSelect;

export interface FamilySamtal {
  cutoffHours: number;
  booking: {
    startsAt: string;
    durationMinutes: number;
    place: string | null;
    interpreterLanguage: string | null;
    /** Whether the family may still rebook or cancel it here (a published time, before the cut-off). */
    changeable: boolean;
  } | null;
  /** Times the family can book now (after the cut-off), earliest first. */
  freeTimes: { id: string; startsAt: string; durationMinutes: number; place: string; interpreterAvailable: boolean }[];
}

/** Hours before a samtal after which the link's family can no longer book, rebook or cancel. */
export async function bookingCutoffHours(db: Executor, link: LinkRow): Promise<number> {
  const [school] = await db
    .select({ settings: schools.settings })
    .from(schools)
    .where(eq(schools.id, link.schoolId))
    .limit(1);
  // Schools stored before the setting existed have no value: the default applies.
  return school?.settings.bookingCutoffHours ?? 24;
}

/** What the family link shows about the samtal: the booked time, and the times still free. */
export async function familySamtal(db: Executor, link: LinkRow, at: string): Promise<FamilySamtal> {
  const cutoffHours = await bookingCutoffHours(db, link);
  const cutoff = new Date(Date.parse(at) + cutoffHours * 3_600_000).toISOString();
  const [booking, free] = await Promise.all([
    upcomingBooking(db, link, at),
    freeTimesForPupil(db, link.schoolId, link.pupilId, cutoff),
  ]);
  return {
    cutoffHours,
    booking: booking
      ? {
          startsAt: booking.startsAt,
          durationMinutes: booking.durationMinutes,
          place: booking.place,
          interpreterLanguage: booking.interpreterLanguage,
          changeable: booking.timeId !== null && booking.startsAt > cutoff,
        }
      : null,
    freeTimes: free
      .filter((t) => t.startsAt > cutoff)
      .map((t) => ({
        id: t.id,
        startsAt: t.startsAt,
        durationMinutes: t.durationMinutes,
        place: t.place,
        interpreterAvailable: t.interpreterAvailable,
      })),
  };
}

/** The link's pupil's next booked samtal and the school's name, for the family's calendar file. */
export async function familyCalendarEntry(db: Executor, link: LinkRow, at: string) {
  const booking = await upcomingBooking(db, link, at);
  if (!booking) return null;
  const [school] = await db.select({ name: schools.name }).from(schools).where(eq(schools.id, link.schoolId)).limit(1);
  return { booking, schoolName: school?.name ?? '' };
}
