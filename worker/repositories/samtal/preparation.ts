import { and, eq } from 'drizzle-orm';
import { questionsFor, preparationVariant } from '../../../shared/samtal/preparation';
import type { PreparationAnswers, PreparationQuestion, PreparationView } from '../../../shared/schemas/preparation';
import type { Actor } from '../../context';
import type { Db, Executor, Tx } from '../../db/client';
import { preparationAnswers, pupils, type shareLinks } from '../../db/schema';
import { NotFoundError } from '../../errors';
import { recordAudit } from '../audit';
import { assertPupilVisible } from '../pupils';
import { getSchool } from '../schools';

type LinkRow = typeof shareLinks.$inferSelect;
export type PreparationAuthor = 'pupil' | 'guardians';

/** The questions for this pupil (standard or child-friendly) and the answers given this läsår. */
async function preparationOf(db: Executor, schoolId: string, pupilId: string, schoolYear: string) {
  const [[pupil], school, answers] = await Promise.all([
    db
      .select({ skolform: pupils.skolform, arskurs: pupils.arskurs })
      .from(pupils)
      .where(and(eq(pupils.id, pupilId), eq(pupils.schoolId, schoolId)))
      .limit(1),
    getSchool(db, schoolId),
    db
      .select({
        author: preparationAnswers.author,
        answers: preparationAnswers.answers,
        updatedAt: preparationAnswers.updatedAt,
      })
      .from(preparationAnswers)
      .where(
        and(
          eq(preparationAnswers.pupilId, pupilId),
          eq(preparationAnswers.schoolId, schoolId),
          eq(preparationAnswers.schoolYear, schoolYear),
        ),
      ),
  ]);
  if (!pupil) throw new NotFoundError('Pupil');
  return {
    variant: preparationVariant(pupil),
    questions: questionsFor(school.settings.preparation, pupil),
    answers,
  } satisfies PreparationView;
}

export const familyPreparation = (db: Executor, link: LinkRow) =>
  preparationOf(db, link.schoolId, link.pupilId, link.schoolYear);

/** For a teacher who may see the pupil. */
export async function teacherPreparation(db: Executor, actor: Actor, pupilId: string, schoolYear: string) {
  await assertPupilVisible(db, actor, pupilId);
  return preparationOf(db, actor.schoolId, pupilId, schoolYear);
}

/**
 * Save one person's answers through the link: only the questions the pupil's variant asks of that
 * author, each answer trimmed to what the question takes. `count` charges the write limit.
 */
export async function savePreparation(
  db: Db,
  link: LinkRow,
  author: PreparationAuthor,
  answers: PreparationAnswers,
  at: string,
  count: (tx: Tx) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await count(tx);
    await tx
      .insert(preparationAnswers)
      .values({
        schoolId: link.schoolId,
        pupilId: link.pupilId,
        schoolYear: link.schoolYear,
        author,
        answers,
        linkId: link.id,
        updatedAt: at,
      })
      .onConflictDoUpdate({
        target: [preparationAnswers.pupilId, preparationAnswers.schoolYear, preparationAnswers.author],
        set: { answers, linkId: link.id, updatedAt: at },
      });
    await recordAudit(tx, {
      schoolId: link.schoolId,
      actorId: null,
      linkId: link.id,
      action: 'update',
      entity: 'preparation-answers',
      entityId: link.id,
      pupilId: link.pupilId,
    });
  });
}

/**
 * The answers a posted form holds for `author`: fields `scale:<id>` (0–2) and `text:<id>` for the
 * questions asked of that author, nothing else. Null when the form has any other field.
 */
export function answersFromForm(
  form: Record<string, unknown>,
  questions: readonly PreparationQuestion[],
  author: PreparationAuthor,
): PreparationAnswers | null {
  const asked = new Map(questions.filter((q) => q.audience === author).map((q) => [q.id, q]));
  const answers: PreparationAnswers = {};
  for (const [key, value] of Object.entries(form)) {
    if (key === 'action' || key === 'author') continue;
    const [kind, id] = key.split(':') as [string, string | undefined];
    const q = id ? asked.get(id) : undefined;
    if (!q || typeof value !== 'string' || (kind !== 'scale' && kind !== 'text')) return null;
    const entry = (answers[q.id] ??= { scale: null, text: '' });
    if (kind === 'scale') {
      if (q.kind !== 'scale' || !/^[012]$/.test(value)) return null;
      entry.scale = Number(value);
    } else {
      if (value.length > 1000) return null;
      // Line ends and refused characters are normalised where the form is read (share-link-page).
      entry.text = value;
    }
  }
  return answers;
}
