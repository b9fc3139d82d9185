/** Calendar-date arithmetic on ISO dates (YYYY-MM-DD), independent of the host's time zone. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date; integers compare and subtract cheaply. */
export const dayNumber = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

export const isoFromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  return isoFromDay(dayNumber(iso) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
// Samtal start at a few distinct minutes, and Intl formatting costs microseconds: memoise per minute.
const localDays = new Map<string, number>();

/**
 * The school-local calendar day (see `dayNumber`) of an instant. A samtal at 00:30 on 20 December
 * in Stockholm is 23:30 UTC on the 19th; which term it counts for depends on the local date.
 */
export function localDay(instant: string, timeZone: string): number {
  const ms = Date.parse(instant);
  const key = `${timeZone}|${Math.floor(ms / 60_000)}`;
  const hit = localDays.get(key);
  if (hit !== undefined) return hit;
  if (localDays.size > 50_000) localDays.clear();
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  const day = dayNumber(f.format(ms));
  localDays.set(key, day);
  return day;
}

/** @example localDate('2026-12-19T23:30:00Z', 'Europe/Stockholm') // '2026-12-20' */
export const localDate = (instant: string, timeZone: string): string => isoFromDay(localDay(instant, timeZone));
