/** Calendar-date arithmetic on ISO dates (YYYY-MM-DD), independent of the host's time zone. */

const DAY_MS = 86_400_000;
const toUtc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

export function addDays(iso: string, days: number): string {
  return new Date(toUtc(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The school-local calendar date of an instant. A samtal at 00:30 on 20 December in Stockholm is
 * 23:30 UTC on the 19th; which term it counts for depends on the local date.
 *
 * @example localDate('2026-12-19T23:30:00Z', 'Europe/Stockholm') // '2026-12-20'
 */
export function localDate(instant: string, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(new Date(instant));
}
