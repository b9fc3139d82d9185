import { z } from 'zod';

/** Skolverket's grundskola subject codes (see shared/README.md). */
export const SUBJECT_CODES = [
  'BI',
  'BL',
  'EN',
  'FY',
  'GE',
  'HI',
  'HKK',
  'IDH',
  'KE',
  'MA',
  'ML',
  'M1',
  'M2',
  'MU',
  'NO',
  'RE',
  'SH',
  'SL',
  'SO',
  'SV',
  'SVA',
  'TK',
  'TN',
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

/** Subject names as teachers and guardians say them (shared/README.md). */
export const SUBJECT_NAMES: Record<SubjectCode, { sv: string; en: string }> = {
  BI: { sv: 'biologi', en: 'biology' },
  BL: { sv: 'bild', en: 'art' },
  EN: { sv: 'engelska', en: 'English' },
  FY: { sv: 'fysik', en: 'physics' },
  GE: { sv: 'geografi', en: 'geography' },
  HI: { sv: 'historia', en: 'history' },
  HKK: { sv: 'hem- och konsumentkunskap', en: 'home and consumer studies' },
  IDH: { sv: 'idrott och hälsa', en: 'physical education and health' },
  KE: { sv: 'kemi', en: 'chemistry' },
  MA: { sv: 'matematik', en: 'mathematics' },
  ML: { sv: 'modersmål', en: 'mother tongue' },
  M1: { sv: 'moderna språk', en: 'modern languages' },
  M2: { sv: 'moderna språk', en: 'modern languages' },
  MU: { sv: 'musik', en: 'music' },
  NO: { sv: 'naturorienterande ämnen', en: 'science' },
  RE: { sv: 'religionskunskap', en: 'religious education' },
  SH: { sv: 'samhällskunskap', en: 'civics' },
  SL: { sv: 'slöjd', en: 'crafts' },
  SO: { sv: 'samhällsorienterande ämnen', en: 'social studies' },
  SV: { sv: 'svenska', en: 'Swedish' },
  SVA: { sv: 'svenska som andraspråk', en: 'Swedish as a second language' },
  TK: { sv: 'teknik', en: 'technology' },
  TN: { sv: 'teckenspråk för hörande', en: 'sign language' },
};

/** "matematik", or the code itself for a code the table does not know. */
export const subjectName = (code: string, lang: 'sv' | 'en') =>
  SUBJECT_NAMES[code.split('-')[0] as SubjectCode]?.[lang] ?? code;
