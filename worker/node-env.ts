import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { parseEnv } from './config';

/** What only the Node entry reads (where it listens, which database, demo data, processes and threads). */
const NodeEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/, 'file:<path>, libsql://…, http(s)://… or ws(s)://…')
    .default('file:./data/iup-stod.db'),
  LIBSQL_AUTH_TOKEN: z.string().optional(),
  PORT: z.string().regex(/^\d+$/, 'a port number').transform(Number).pipe(z.int().min(0).max(65535)).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** API processes on this machine: `auto` is one per core (at most 8), or a number. */
  API_PROCESSES: z
    .union([z.literal('auto'), z.string().regex(/^\d+$/, 'auto or a number')])
    .default('auto')
    .transform((v) => (v === 'auto' ? Math.min(8, availableParallelism()) : Number(v)))
    .pipe(z.int().min(1).max(64)),
  /** Threads per process for long reports (school and team overviews, exports); 0 runs them inline. */
  REPORT_THREADS: z.string().regex(/^\d+$/, 'a number').transform(Number).pipe(z.int().min(0).max(16)).default(1),
});
export type NodeEnv = z.infer<typeof NodeEnvSchema>;

/** What only the Node entry reads (where it listens, which database, demo data). */
export const nodeEnvFrom = (env: Record<string, unknown>): NodeEnv => parseEnv(NodeEnvSchema, env);
