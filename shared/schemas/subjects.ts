import { z } from 'zod';

/** Skolverket's grundskola subject codes (see DOMAIN.md). */
export const SUBJECT_CODES = [
  'BI', 'BL', 'EN', 'FY', 'GE', 'HI', 'HKK', 'IDH', 'KE', 'MA', 'ML', 'M1', 'M2', 'MU',
  'NO', 'RE', 'SH', 'SL', 'SO', 'SV', 'SVA', 'TK', 'TN',
] as const;
export type SubjectCode = (typeof SUBJECT_CODES)[number];

/** Language subjects carry an ISO 639 code, e.g. "ML-ara" or "M2-spa". */
const LANGUAGE_SUBJECTS = new Set(['ML', 'M1', 'M2']);

export const Subject = z
  .string()
  .regex(/^[A-Z0-9]{2,3}(-[a-z]{2,3})?$/, 'expected a subject code such as MA or ML-ara')
  .refine((value) => {
    const [code, lang] = value.split('-');
    if (!(SUBJECT_CODES as readonly string[]).includes(code!)) return false;
    return lang === undefined || LANGUAGE_SUBJECTS.has(code!);
  }, 'unknown subject code');
export type Subject = z.infer<typeof Subject>;
