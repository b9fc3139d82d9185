import { z } from 'zod';

/** Opaque, unguessable record id (UUID v4) — never a name or anything about a pupil. */
export const Id = z.uuid();
export type Id = z.infer<typeof Id>;

/** A calendar date without time zone, as used for terms and deadlines. */
export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

export const IsoDateTime = z.iso.datetime({ offset: true });

/** A läsår label such as "2026/27"; the second part must be the year after the first. */
export const SchoolYearLabel = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'expected a läsår such as 2026/27')
  .refine((label) => {
    const [first, second] = label.split('/').map(Number) as [number, number];
    return (first + 1) % 100 === second;
  }, 'the second year must follow the first, as in 2026/27');
export type SchoolYearLabel = z.infer<typeof SchoolYearLabel>;

// Control characters have no place in what people write; NUL in particular would be cut off by
// SQLite's text functions and make a stored value read back different from what was accepted.
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_IN_NAME = /[\u0000-\u001f\u007f]/;

/** For text read outside a zod schema (CSV cells); tabs and line breaks only count when `inName`. */
export const hasControlCharacters = (s: string, inName = true) => (inName ? CONTROL_IN_NAME : CONTROL_IN_TEXT).test(s);

/** For text from forms without a schema of their own (the share page): drop what `Text` refuses. */
export const withoutControlCharacters = (s: string) => s.replace(new RegExp(CONTROL_IN_TEXT.source, 'g'), '');

/** Free text written by a teacher; bounded so one field cannot exhaust storage. Line breaks and tabs are text. */
export const Text = (max = 10_000) => z.string().max(max).refine((s) => !CONTROL_IN_TEXT.test(s), 'control characters are not allowed');
export const Name = z.string().trim().min(1).max(200).refine((s) => !hasControlCharacters(s), 'control characters and line breaks are not allowed');
