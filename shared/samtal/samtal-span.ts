import type { Calendar } from '../schemas/school';

/**
 * The days a class's samtal round is counted in: the term that contains `today`; in a break, from
 * today to the end of the next term (the round being planned); without a calendar, from today on.
 */
export function samtalSpan(calendar: Calendar, today: string): { from: string; to: string | null } {
  const terms = calendar.schoolYears.flatMap((y) => y.terms).sort((a, b) => a.start.localeCompare(b.start));
  const current = terms.find((t) => t.start <= today && today <= t.end);
  if (current) return { from: current.start, to: current.end };
  const next = terms.find((t) => t.start > today);
  return { from: today, to: next ? next.end : null };
}
