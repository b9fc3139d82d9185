/**
 * School-local wall-clock time to an instant. A teacher publishes "13:00 on 2027-03-02" in the
 * school's time zone; the database keeps UTC instants, so 13:00 stays 13:00 on both sides of a
 * daylight-saving change.
 */

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC in minutes at an instant (e.g. +60 in Stockholm in winter). */
function offsetMinutes(ms: number, timeZone: string): number {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    offsetFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * The instant (ISO, UTC) of `date` at `minutes` after local midnight in `timeZone`. A wall time
 * that does not exist (skipped by the spring change) lands an hour later, as a clock would show it.
 */
export function localToInstant(date: string, minutes: number, timeZone: string): string {
  const naive = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) + minutes * 60_000;
  // Two passes: the offset at the guess can differ from the offset at the answer near a change.
  let ms = naive - offsetMinutes(naive, timeZone) * 60_000;
  ms = naive - offsetMinutes(ms, timeZone) * 60_000;
  return new Date(ms).toISOString();
}

/** "13:05" → 785; null for anything that is not a time of day. */
export function minutesOfDay(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The local wall-clock "HH:MM" of an instant. */
export function localClock(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    Date.parse(instant),
  );
}
