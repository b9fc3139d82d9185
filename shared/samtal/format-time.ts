/** The school's time zone; samtal times are shown as the school's clocks show them. */
export const SCHOOL_TIME_ZONE = 'Europe/Stockholm';

/**
 * "tisdag 24 november 2026 kl. 13:00–13:25" (sv) or "Tuesday 24 November 2026 at 13:00–13:25"
 * (en), in the school's time zone: a family abroad or a teacher's laptop on another zone still
 * reads the school's time.
 */
export function formatSamtalTime(lang: 'sv' | 'en', startsAt: string, minutes: number): string {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  const start = Date.parse(startsAt);
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: SCHOOL_TIME_ZONE,
  }).format(start);
  const clock = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: SCHOOL_TIME_ZONE,
  });
  return `${day} ${lang === 'sv' ? 'kl.' : 'at'} ${clock.format(start)}–${clock.format(start + minutes * 60_000)}`;
}
