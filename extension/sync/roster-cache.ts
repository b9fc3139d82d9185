import { storage } from 'wxt/utils/storage';
import type { Pronoun } from '../../shared/schemas/pupil';

/**
 * The minimum the palette needs to fill placeholders: no årskurs, no ids beyond the record's, no
 * security-marked pupils' extra data (the API already limits whom the teacher sees).
 */
export interface RosterPupil {
  id: string;
  firstName: string;
  lastName: string;
  pronoun: Pronoun;
}

export const rosterItem = storage.defineItem<{ pupils: RosterPupil[]; syncedAt: string | null }>('local:roster', {
  fallback: { pupils: [], syncedAt: null },
});

/** The pupil chosen in this browser session, so the teacher picks once per pupil, not per phrase. */
export const chosenPupilItem = storage.defineItem<string | null>('session:chosenPupil', { fallback: null });

/** LMS origins the school admin publishes in the school settings; the popup offers to enable them. */
export const schoolOriginsItem = storage.defineItem<string[]>('local:schoolOrigins', { fallback: [] });
