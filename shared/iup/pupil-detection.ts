import type { PupilDetectionRule } from '../schemas/school';

export interface DetectablePupil {
  id: string;
  firstName: string;
  lastName: string;
  /** The LMS's id for the pupil, when the roster import stored one. */
  lmsId?: string | null;
}

/** What a page offers to the rules: its URL and the values found by a selector. */
export interface DetectionPage {
  url: string;
  /** Text (or the attribute's value) of every element matching `selector`. */
  values(selector: string, attribute: string | null): string[];
}

export type Detection<P> =
  | { kind: 'none' }
  | { kind: 'one'; pupil: P; value: string }
  /** More than one pupil could be meant: the teacher must choose; nothing is attached silently. */
  | { kind: 'ambiguous'; candidates: P[] };

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');

/**
 * Find the pupil a page is about with the school's rules, in order. The first rule that matches
 * the URL and finds values decides: one pupil → that pupil; several different pupils (a class
 * list, two names on the page, two pupils with the same name) → ambiguous.
 */
export function detectPupil<P extends DetectablePupil>(
  rules: readonly PupilDetectionRule[],
  page: DetectionPage,
  roster: readonly P[],
): Detection<P> {
  for (const rule of rules) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(rule.urlPattern);
    } catch {
      continue;
    }
    if (!pattern.test(page.url)) continue;
    const values = [...new Set(page.values(rule.selector, rule.attribute).map(norm).filter(Boolean))];
    if (values.length === 0) continue;
    const found = new Map<string, { pupil: P; value: string }>();
    for (const value of values) {
      for (const p of roster) {
        const hit =
          rule.match === 'externalId'
            ? p.lmsId != null && norm(p.lmsId) === value
            : norm(`${p.firstName} ${p.lastName}`) === value;
        if (hit) found.set(p.id, { pupil: p, value });
      }
    }
    if (found.size === 0) continue;
    const hits = [...found.values()];
    return hits.length === 1
      ? { kind: 'one', pupil: hits[0]!.pupil, value: hits[0]!.value }
      : { kind: 'ambiguous', candidates: hits.map((h) => h.pupil) };
  }
  return { kind: 'none' };
}
