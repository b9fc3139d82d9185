import { z } from 'zod';
import { Text } from './common';

/**
 * What the pupil and the guardians think about before the samtal. A school edits the questions
 * (PATCH /v1/school settings.preparation), as it edits the IUP template.
 */
export const PreparationQuestion = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a short id: lower-case letters, digits and hyphens'),
    audience: z.enum(['pupil', 'guardians']),
    /** `scale`: three steps (good / so-so / hard), shown as faces with words; `text`: free text. */
    kind: z.enum(['scale', 'text']),
    text: z.object({ sv: Text(300).min(1), en: Text(300).min(1) }).strict(),
  })
  .strict();
export type PreparationQuestion = z.infer<typeof PreparationQuestion>;

const q = (
  id: string,
  audience: PreparationQuestion['audience'],
  kind: PreparationQuestion['kind'],
  sv: string,
  en: string,
): PreparationQuestion => ({ id, audience, kind, text: { sv, en } });

/** For older pupils and their guardians: open questions, as Skolverket's advice on preparing suggests. */
export const STANDARD_PREPARATION: PreparationQuestion[] = [
  q(
    'going-well',
    'pupil',
    'text',
    'Vad går bra för dig i skolan just nu?',
    'What is going well for you at school right now?',
  ),
  q('want-better', 'pupil', 'text', 'Vad vill du bli bättre på?', 'What do you want to get better at?'),
  q('wellbeing', 'pupil', 'scale', 'Hur trivs du i skolan?', 'How do you like being at school?'),
  q(
    'last-time',
    'pupil',
    'text',
    'Hur har det gått med det ni kom överens om förra gången?',
    'How has it gone with what you agreed last time?',
  ),
  q(
    'home-view',
    'guardians',
    'text',
    'Hur upplever ni att skolan går för ert barn?',
    'How do you feel school is going for your child?',
  ),
  q(
    'home-support',
    'guardians',
    'text',
    'Vad vill ni ta upp, och hur kan ni stötta hemma?',
    'What do you want to raise, and how can you support at home?',
  ),
];

/**
 * For förskoleklass, åk 1–3 and anpassad grundskola: short questions with a three-step picture
 * scale, that an adult can read aloud with the child.
 */
export const CHILD_FRIENDLY_PREPARATION: PreparationQuestion[] = [
  q('fun', 'pupil', 'scale', 'Hur roligt är det i skolan?', 'How fun is school?'),
  q('friends', 'pupil', 'scale', 'Hur är det med kompisar på rasten?', 'How is it with friends at break time?'),
  q('learning', 'pupil', 'scale', 'Hur går det att lära sig nya saker?', 'How is it to learn new things?'),
  q('best', 'pupil', 'text', 'Vad är det bästa i skolan?', 'What is the best thing at school?'),
  q(
    'home-view',
    'guardians',
    'text',
    'Hur upplever ni att skolan går för ert barn?',
    'How do you feel school is going for your child?',
  ),
];

export const PreparationSettings = z
  .object({
    standard: z.array(PreparationQuestion).max(20),
    childFriendly: z.array(PreparationQuestion).max(20),
  })
  .strict();
export type PreparationSettings = z.infer<typeof PreparationSettings>;

/** One person's answers: per question a step on the scale (0 good, 1 so-so, 2 hard) and/or text. */
export const PreparationAnswer = z.object({ scale: z.int().min(0).max(2).nullable(), text: z.string().max(1000) });
export const PreparationAnswers = z.record(z.string(), PreparationAnswer);
export type PreparationAnswers = z.infer<typeof PreparationAnswers>;

export const PreparationView = z.object({
  variant: z.enum(['standard', 'childFriendly']),
  questions: z.array(PreparationQuestion),
  answers: z.array(
    z.object({ author: z.enum(['pupil', 'guardians']), answers: PreparationAnswers, updatedAt: z.string() }),
  ),
});
export type PreparationView = z.infer<typeof PreparationView>;
