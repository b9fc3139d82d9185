import { z } from 'zod';
import { nameProblem, textProblem } from './text-rules';

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

/** Free text written by a teacher; bounded so one field cannot exhaust storage. What is allowed: see `text-rules.ts`. */
export const Text = (max = 10_000) =>
  z
    .string()
    .max(max)
    .superRefine((s, ctx) => {
      const problem = textProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** A person's, school's, team's or class's name: visible characters only, trimmed, in NFC (see `text-rules.ts`). */
export const Name = z
  .string()
  .trim()
  .normalize('NFC')
  .min(1)
  .max(200)
  .superRefine((s, ctx) => {
    const problem = nameProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
