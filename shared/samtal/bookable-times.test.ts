import { describe, expect, it } from 'vitest';
import { bookableTimes } from './bookable-times';
import { localClock, localToInstant, minutesOfDay } from './local-time';

const TZ = 'Europe/Stockholm';

describe('bookableTimes', () => {
  it('lays out consecutive times with a break, in local time', () => {
    const times = bookableTimes(
      { date: '2027-03-02', firstStart: '13:00', lengthMinutes: 25, breakMinutes: 5, count: 4 },
      TZ,
    );
    expect(times?.map((t) => localClock(t.startsAt, TZ))).toEqual(['13:00', '13:30', '14:00', '14:30']);
    // Winter: Stockholm is UTC+1.
    expect(times?.[0]).toEqual({ startsAt: '2027-03-02T12:00:00.000Z', durationMinutes: 25 });
  });

  it('keeps the wall clock across daylight saving: summer is UTC+2', () => {
    expect(localToInstant('2027-05-10', 13 * 60, TZ)).toBe('2027-05-10T11:00:00.000Z');
    // The autumn change day (2026-10-25, 03:00 → 02:00): afternoon times are already in winter time.
    expect(localToInstant('2026-10-25', 15 * 60, TZ)).toBe('2026-10-25T14:00:00.000Z');
    // The morning before the spring change (2027-03-28, 02:00 → 03:00) is still winter time.
    expect(localToInstant('2027-03-28', 60, TZ)).toBe('2027-03-28T00:00:00.000Z');
    expect(localToInstant('2027-03-28', 12 * 60, TZ)).toBe('2027-03-28T10:00:00.000Z');
  });

  it('refuses a series that runs past midnight, and a start that is not a time of day', () => {
    expect(
      bookableTimes({ date: '2027-03-02', firstStart: '23:00', lengthMinutes: 30, breakMinutes: 0, count: 3 }, TZ),
    ).toBeNull();
    expect(
      bookableTimes({ date: '2027-03-02', firstStart: '23:00', lengthMinutes: 30, breakMinutes: 0, count: 2 }, TZ),
    ).toHaveLength(2);
    expect(minutesOfDay('24:00')).toBeNull();
    expect(minutesOfDay('9:00')).toBeNull();
    expect(minutesOfDay('09:05')).toBe(545);
  });
});
