import type { TeacherRole } from '../shared/index';
import type { Db } from './db/client';

/** The authenticated teacher a request acts for; every repository call is scoped by it. */
export interface Actor {
  teacherId: string;
  schoolId: string;
  role: TeacherRole;
  teamIds: string[];
  leadTeamIds: string[];
}

export interface AppConfig {
  /** Origins allowed by CORS. Entries may end in `*` to allow any extension id of a scheme. */
  corsOrigins: string[];
  /** Largest accepted request body in bytes. */
  maxBodyBytes: number;
}

export const defaultConfig = (): AppConfig => ({
  corsOrigins: ['chrome-extension://*', 'moz-extension://*'],
  maxBodyBytes: 512 * 1024,
});

export interface Deps {
  db: Db;
  /** Injected so deadline and audit logic can be tested at any date. */
  clock: () => Date;
  config: AppConfig;
}

export type AppEnv = { Variables: { actor: Actor } };
