import { storage } from 'wxt/utils/storage';
import type { DeadlineReport } from '../../shared/schemas/deadlines';

type PupilDuties = DeadlineReport['pupils'][number];

/**
 * The teacher's duties as the API last computed them, for the popup, the banner and the badge.
 * Names are not copied here: the roster cache already has them.
 */
export interface DeadlineCache {
  date: string | null;
  schoolYear: string | null;
  pupils: Omit<PupilDuties, 'firstName' | 'lastName'>[];
  syncedAt: string | null;
  /** The report's ETag, sent back so an unchanged report costs the API nothing. */
  etag: string | null;
}

export const deadlineCacheItem = storage.defineItem<DeadlineCache>('local:deadlines', {
  fallback: { date: null, schoolYear: null, pupils: [], syncedAt: null, etag: null },
});

export function toDeadlineCache(report: DeadlineReport, now: string, etag: string | null = null): DeadlineCache {
  return {
    date: report.date,
    schoolYear: report.schoolYear,
    syncedAt: now,
    etag,
    pupils: report.pupils.map(({ firstName: _f, lastName: _l, ...rest }) => rest),
  };
}

/** What the toolbar badge counts: the teacher's pupils with an overdue or due-soon duty. */
export const badgeCount = (cache: DeadlineCache) =>
  cache.pupils.filter((p) => p.worst === 'overdue' || p.worst === 'due-soon').length;
