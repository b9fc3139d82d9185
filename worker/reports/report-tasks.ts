import type { Actor } from '../context';
import type { Db } from '../db/client';
import { deadlineReport, type DeadlinePage, type DeadlineScope } from '../repositories/deadlines';
import { exportSchool } from '../repositories/school-export';

/**
 * The long reads, as JSON text: run inline (Workers, tests) or in a report thread (Node), where
 * the text is built off the request's event loop and crosses to it as one string — the main
 * thread neither computes nor serialises the report.
 */
export const REPORT_TASKS = {
  deadlineReport: async (
    db: Db,
    actor: Actor,
    scope: DeadlineScope,
    date: string,
    view: 'full' | 'summary',
    page: DeadlinePage | null,
  ) => JSON.stringify(await deadlineReport(db, actor, scope, date, view, page)),
  schoolExport: async (db: Db, actor: Actor, at: string) => JSON.stringify(await exportSchool(db, actor, at)),
};

export type ReportTask = keyof typeof REPORT_TASKS;
export type ReportArgs<T extends ReportTask> =
  Parameters<(typeof REPORT_TASKS)[T]> extends [Db, ...infer A] ? A : never;

/** Runs a report task somewhere and answers its JSON text. */
export interface ReportRunner {
  run<T extends ReportTask>(task: T, ...args: ReportArgs<T>): Promise<string>;
}

/** The runner without threads: the task on the caller's own connection. */
export const inlineReports = (db: Db): ReportRunner => ({
  run: (task, ...args) => (REPORT_TASKS[task] as (db: Db, ...a: unknown[]) => Promise<string>)(db, ...args),
});
