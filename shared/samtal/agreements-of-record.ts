import type { Agreement, MeetingStatus } from '../schemas/meeting';

/**
 * The agreements an IUP shows and prints: those of the samtal it was agreed at, else of the
 * pupil's latest held samtal of its läsår that has any. The samtal record is the one place they
 * are written; null when no samtal has any (an IUP written before then shows its own old text).
 */
export function agreementsOfRecord(
  meetings: readonly { id: string; startsAt: string; status: MeetingStatus; agreements: readonly Agreement[] }[],
  agreedMeetingId: string | null,
  schoolYear: string,
): Agreement[] | null {
  const agreedAt = agreedMeetingId ? meetings.find((m) => m.id === agreedMeetingId) : undefined;
  if (agreedAt && agreedAt.agreements.length > 0) return [...agreedAt.agreements];
  const first = Number(schoolYear.slice(0, 4));
  const from = `${first}-07-01`;
  const to = `${first + 1}-07-01`;
  const held = meetings
    .filter((m) => m.status === 'held' && m.agreements.length > 0 && m.startsAt >= from && m.startsAt < to)
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return held[0] ? [...held[0].agreements] : null;
}
