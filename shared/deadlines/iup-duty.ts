import type { DutyReason } from './types';
import type { DeadlinePupil } from './types';

/**
 * Whether the pupil must have a written IUP this läsår (skollagen 10 kap. 13 §, and the
 * corresponding rules for anpassad grundskola, specialskola and sameskola): pupils who get no
 * grades. In anpassad grundskola and specialskola, grades in the upper years are a per-pupil fact.
 */
export function iupRequired(p: DeadlinePupil): { required: true } | { required: false; reason: DutyReason } {
  switch (p.skolform) {
    case 'forskoleklass':
      return { required: false, reason: 'deadlineIupNotForForskoleklass' };
    case 'grundskola':
    case 'sameskola':
      return p.arskurs <= 5 ? { required: true } : { required: false, reason: 'deadlineIupGrades' };
    case 'anpassad-grundskola':
      return p.arskurs <= 5 || !p.getsGrades ? { required: true } : { required: false, reason: 'deadlineIupGrades' };
    case 'specialskola':
      return p.arskurs <= 6 || !p.getsGrades ? { required: true } : { required: false, reason: 'deadlineIupGrades' };
  }
}

/** Förskoleklass: the school invites to one samtal per läsår; every other skolform: one per term. */
export const samtalPerTerm = (p: DeadlinePupil): boolean => p.skolform !== 'forskoleklass';
