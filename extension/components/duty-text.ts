import type { DeadlineCache } from '../sync/deadline-cache';
import { locale, t } from '../i18n';

type Duty = DeadlineCache['pupils'][number]['duties'][number];

const OPEN_STATES = new Set(['overdue', 'due-soon', 'open']);

/** The duties that still need doing, most urgent first. */
export function openDuties(duties: readonly Duty[]): Duty[] {
  const rank = { overdue: 0, 'due-soon': 1, open: 2 } as Record<string, number>;
  return duties
    .filter((d) => OPEN_STATES.has(d.state))
    .sort((a, b) => rank[a.state]! - rank[b.state]! || a.due.localeCompare(b.due));
}

const date = (iso: string) =>
  new Date(`${iso}T12:00:00`).toLocaleDateString(locale(), { day: 'numeric', month: 'long' });

/** "Skriftlig IUP saknas för läsåret. (läsår 2026/27, senast 11 juni)" */
export function dutyText(d: Duty): string {
  return `${t(d.reason)} ${t('dutyDue', d.period.schoolYear, date(d.due))}`;
}

export const stateLabel = (state: string) =>
  state === 'overdue' ? t('stateOverdue') : state === 'due-soon' ? t('stateDueSoon') : t('stateOpen');
