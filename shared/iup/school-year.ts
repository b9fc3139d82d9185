import type { SchoolYear } from '../schemas/school';

/**
 * The läsår label a date falls in, counting a läsår from 1 July. Used to pick the IUP a date
 * belongs to when a school's calendar has no entry for it.
 *
 * @example schoolYearOf('2026-11-22') // '2026/27'
 */
export function schoolYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const first = month >= 7 ? year : year - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

/**
 * A typical Swedish läsår calendar (HT mid-Aug – ~20 Dec, VT early Jan – mid-June). Only for
 * demo data and new schools: every huvudman sets its own dates.
 */
export function typicalSchoolYear(label: string): SchoolYear {
  const first = Number(label.slice(0, 4));
  const second = first + 1;
  return {
    label,
    terms: [
      { kind: 'ht', start: `${first}-08-18`, end: `${first}-12-19` },
      { kind: 'vt', start: `${second}-01-08`, end: `${second}-06-12` },
    ],
  };
}
