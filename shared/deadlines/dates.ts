/** Calendar-date arithmetic on ISO dates (YYYY-MM-DD), independent of the host's time zone. */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date; integers compare and subtract cheaply. */
export const dayNumber = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;

const isoDays = new Map<number, string>();

/** The ISO date of a day number; memoised, as a school's report asks for the same few hundred days. */
export function isoFromDay(day: number): string {
  let iso = isoDays.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoDays.size > 100_000) isoDays.clear();
    isoDays.set(day, iso);
  }
  return iso;
}

export function addDays(iso: string, days: number): string {
  return isoFromDay(dayNumber(iso) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

// Samtal start at a few distinct minutes, and Intl formatting costs microseconds: memoise per
// time zone and minute (a number key: no string is built per lookup).
const localDays = new Map<string, { format: Intl.DateTimeFormat; days: Map<number, number> }>();

/**
 * The school-local calendar day (see `dayNumber`) of an instant. A samtal at 00:30 on 20 December
 * in Stockholm is 23:30 UTC on the 19th; which term it counts for depends on the local date.
 */
export function localDay(instant: string, timeZone: string): number {
  const ms = Date.parse(instant);
  let zone = localDays.get(timeZone);
  if (!zone) {
    // en-CA formats as YYYY-MM-DD.
    zone = {
      format: new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
      days: new Map(),
    };
    localDays.set(timeZone, zone);
  }
  const minute = Math.floor(ms / 60_000);
  const hit = zone.days.get(minute);
  if (hit !== undefined) return hit;
  if (zone.days.size > 50_000) zone.days.clear();
  const day = dayNumber(zone.format.format(ms));
  zone.days.set(minute, day);
  return day;
}

/** @example localDate('2026-12-19T23:30:00Z', 'Europe/Stockholm') // '2026-12-20' */
export const localDate = (instant: string, timeZone: string): string => isoFromDay(localDay(instant, timeZone));
