import type { TeacherRole } from '../shared/index';
import type { FailureCounts } from './middleware/guessing';
import type { ReportRunner } from './reports/report-tasks';
import type { Db } from './db/client';
import type { ClientAddressSource } from './middleware/client-address';

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
  /** Unknown or revoked tokens (and unknown share links) one address may try per window before 429. */
  guessLimit: { maxFailures: number; windowMs: number };
  /** How long a resolved token is reused; a token revoked from another process works this long. */
  actorCacheMs: number;
  /** Where the client's address comes from, and which reverse proxies may say it (see `client-address.ts`). */
  clientAddressSource: ClientAddressSource;
  trustedProxies: string[];
  /** Hosts an SS 12000 pull may reach even though they resolve to private or loopback addresses. */
  ss12000AllowedHosts: string[];
}

export const defaultConfig = (): AppConfig => ({
  corsOrigins: ['chrome-extension://*', 'moz-extension://*'],
  maxBodyBytes: 512 * 1024,
  guessLimit: { maxFailures: 20, windowMs: 15 * 60_000 },
  actorCacheMs: 2_000,
  clientAddressSource: 'socket',
  trustedProxies: [],
  ss12000AllowedHosts: [],
});

export interface Deps {
  db: Db;
  /** Injected so deadline and audit logic can be tested at any date. */
  clock: () => Date;
  config: AppConfig;
  /**
   * How the API reaches other systems on an admin's behalf (the SS 12000 pull). Node passes a
   * fetch that checks every resolved address; without one, address literals are checked.
   */
  outboundFetch?: typeof fetch;
  /**
   * Where long reports run. Node passes a pool of worker threads with their own read connections,
   * so a school overview never holds up an autosave; without one they run inline (Workers, tests).
   */
  reports?: ReportRunner;
  /** Where failed credentials are counted; in this process unless the Node entry runs several (see `cluster.ts`). */
  failureCounts?: FailureCounts;
}

export type AppEnv = { Variables: { actor: Actor } };
