import { DUTY_STATES, type Duty, type DutyState } from './types';

export type StateCounts = Record<DutyState, number>;

export const emptyCounts = (): StateCounts => Object.fromEntries(DUTY_STATES.map((s) => [s, 0])) as StateCounts;

/** Count duties per state, e.g. for the popup badge (overdue + due-soon). */
export function countStates(duties: readonly Duty[], into: StateCounts = emptyCounts()): StateCounts {
  for (const d of duties) into[d.state]++;
  return into;
}

/** The most urgent state among a pupil's duties (DUTY_STATES is ordered most urgent first). */
export function worstState(duties: readonly Duty[]): DutyState | null {
  let best: number | null = null;
  for (const d of duties) {
    const i = DUTY_STATES.indexOf(d.state);
    if (best === null || i < best) best = i;
  }
  return best === null ? null : DUTY_STATES[best]!;
}
