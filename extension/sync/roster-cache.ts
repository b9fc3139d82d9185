import { storage } from 'wxt/utils/storage';
import type { Pronoun } from '../../shared/schemas/pupil';
import type { IupTemplate } from '../../shared/schemas/template';
import type { PupilDetectionRule } from '../../shared/schemas/school';

/**
 * The minimum the palette needs to fill placeholders: no årskurs, no ids beyond the record's, no
 * security-marked pupils' extra data (the API already limits whom the teacher sees).
 */
export interface RosterPupil {
  id: string;
  firstName: string;
  lastName: string;
  pronoun: Pronoun;
  /** The LMS's id for the pupil, so a page naming it can be matched (see pupil detection). */
  lmsId?: string | null;
  /** Class names, for finding a pupil by class in the IUP panel. */
  classes?: string[];
}

export const rosterItem = storage.defineItem<{ pupils: RosterPupil[]; syncedAt: string | null }>('local:roster', {
  fallback: { pupils: [], syncedAt: null },
});

/** LMS origins the school admin publishes in the school settings; the popup offers to enable them. */
export const schoolOriginsItem = storage.defineItem<string[]>('local:schoolOrigins', { fallback: [] });

/** What the IUP panel needs from the school: its template and the pupil-detection rules. */
export const schoolSetupItem = storage.defineItem<{
  template: IupTemplate | null;
  pupilDetection: PupilDetectionRule[];
}>('local:schoolSetup', {
  fallback: { template: null, pupilDetection: [] },
});

/** The signed-in teacher, so the panel can say "by you" and the popup offers admin pages to admins. */
export const meItem = storage.defineItem<{ teacherId: string; name: string; role?: 'teacher' | 'admin' } | null>(
  'local:me',
  { fallback: null },
);
