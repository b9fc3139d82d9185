import type { IupSections } from '../schemas/iup';
import { fieldScale, fieldText, withFieldScale, withFieldText } from './section-fields';

const FIXED = [
  'social',
  'pupilVoice',
  'planning.school',
  'planning.pupil',
  'planning.guardians',
  'agreements.school',
  'agreements.pupil',
  'agreements.guardians',
];

/** Every field any of the versions has: the fixed ones and each subject's omdöme. */
function fieldKeys(...versions: IupSections[]): string[] {
  const subjects = new Set(versions.flatMap((v) => v.omdomen.map((o) => o.subject)));
  return [...[...subjects].map((s) => `omdome:${s}`), ...FIXED];
}

const valueOf = (s: IupSections, key: string) => `${fieldScale(s, key)}|${fieldText(s, key)}`;

/**
 * Two teachers wrote the same IUP from the same version (a subject teacher adds her omdöme while
 * the mentor writes the plan). Per field: whoever changed it from `base` wins; when both changed
 * the same field to different texts, that field is a conflict for the teacher to settle. The
 * result keeps `theirs` (the saved version) wherever nobody else changed anything.
 */
export function mergeSections(
  base: IupSections,
  mine: IupSections,
  theirs: IupSections,
): { merged: IupSections; conflicts: string[] } {
  let merged = theirs;
  const conflicts: string[] = [];
  for (const key of fieldKeys(base, mine, theirs)) {
    const b = valueOf(base, key);
    const m = valueOf(mine, key);
    const t = valueOf(theirs, key);
    if (m === b || m === t) continue;
    if (t !== b) {
      conflicts.push(key);
      continue;
    }
    merged = withFieldScale(withFieldText(merged, key, fieldText(mine, key)), key, fieldScale(mine, key));
  }
  return { merged, conflicts };
}
