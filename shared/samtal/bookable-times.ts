import { localToInstant, minutesOfDay } from './local-time';

export interface TimeSeries {
  /** The school-local date, YYYY-MM-DD. */
  date: string;
  /** The first start, "HH:MM" local time. */
  firstStart: string;
  lengthMinutes: number;
  breakMinutes: number;
  count: number;
}

/**
 * The consecutive times a teacher publishes: 13:00, 13:30, 14:00 … as UTC instants, each
 * `lengthMinutes` long with `breakMinutes` between. Null when the series would run past midnight
 * (a samtal belongs to the day it was published for) or the first start is not a time of day.
 */
export function bookableTimes(s: TimeSeries, timeZone: string): { startsAt: string; durationMinutes: number }[] | null {
  const first = minutesOfDay(s.firstStart);
  if (first === null) return null;
  const step = s.lengthMinutes + s.breakMinutes;
  const lastEnd = first + (s.count - 1) * step + s.lengthMinutes;
  if (lastEnd > 24 * 60) return null;
  return Array.from({ length: s.count }, (_, i) => ({
    startsAt: localToInstant(s.date, first + i * step, timeZone),
    durationMinutes: s.lengthMinutes,
  }));
}
