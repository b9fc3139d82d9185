import type { IupSections } from '../schemas/iup';
import type { Party } from '../schemas/meeting';

/** A part an IUP still lacks before it can be agreed at the samtal. */
export type MissingPart =
  | { part: 'omdome'; subject: string }
  | { part: 'any-omdome' }
  | { part: 'planning'; party: Party }
  | { part: 'held-samtal' };

const PARTIES: Party[] = ['school', 'pupil', 'guardians'];

/**
 * What an IUP lacks to be *agreed*: skollagen's IUP is written in connection with a samtal and holds
 * both the skriftliga omdömen and the framåtsyftande planering, so an IUP missing either part, or
 * not tied to a held samtal of its läsår, is not done. `requiredSubjects` is the school's list of
 * subjects that must have an omdöme; with none listed, at least one omdöme is required.
 */
export function missingForAgreed(
  sections: IupSections,
  requiredSubjects: readonly string[],
  heldSamtalInYear: boolean,
): MissingPart[] {
  const written = new Set(sections.omdomen.filter((o) => o.text.trim() !== '').map((o) => o.subject));
  const missing: MissingPart[] = [];
  if (requiredSubjects.length === 0) {
    if (written.size === 0) missing.push({ part: 'any-omdome' });
  } else for (const subject of requiredSubjects) if (!written.has(subject)) missing.push({ part: 'omdome', subject });
  for (const party of PARTIES) if (sections.planning[party].trim() === '') missing.push({ part: 'planning', party });
  if (!heldSamtalInYear) missing.push({ part: 'held-samtal' });
  return missing;
}
