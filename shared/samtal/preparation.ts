import type { PreparationQuestion, PreparationSettings } from '../schemas/preparation';
import type { Skolform } from '../schemas/pupil';

/**
 * Which questions a pupil's family gets: young pupils (förskoleklass, åk 1–3) and pupils in
 * anpassad grundskola prepare best with short questions and a picture scale.
 */
export function preparationVariant(p: { skolform: Skolform; arskurs: number }): keyof PreparationSettings {
  return p.skolform === 'forskoleklass' || p.skolform === 'anpassad-grundskola' || p.arskurs <= 3
    ? 'childFriendly'
    : 'standard';
}

export const questionsFor = (
  settings: PreparationSettings,
  p: { skolform: Skolform; arskurs: number },
): PreparationQuestion[] => settings[preparationVariant(p)];
