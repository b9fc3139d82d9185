import { z } from 'zod';
import { defaultConfig, type AppConfig } from './context';
import { parseTrustedProxies } from './middleware/client-address';

/** A configuration value that cannot be used: the start stops with this message. */
export class ConfigError extends Error {}

const list = z.string().transform((s) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean),
);
const positiveInt = z.string().regex(/^\d+$/, 'a whole number').transform(Number).pipe(z.int().min(1));

/** Variables both runtimes read; every one optional, every one checked. */
const AppEnvSchema = z.object({
  CORS_ORIGINS: list
    .pipe(
      z.array(z.string().regex(/^[a-z-]+:\/\/[^\s,]+$/, 'an origin such as chrome-extension://<id> or https://host')),
    )
    .optional(),
  MAX_BODY_BYTES: positiveInt.optional(),
  TRUST_PROXY: list
    .refine((l) => {
      try {
        parseTrustedProxies(l);
        return true;
      } catch {
        return false;
      }
    }, 'addresses or CIDR ranges such as 127.0.0.1 or 10.0.0.0/8')
    .optional(),
  SS12000_ALLOWED_HOSTS: list
    .pipe(z.array(z.string().regex(/^[a-z0-9.:[\]-]+$/i, 'host names or addresses')))
    .optional(),
});

export function parseEnv<T extends z.ZodType>(schema: T, env: Record<string, unknown>): z.infer<T> {
  const r = schema.safeParse(env);
  if (r.success) return r.data;
  throw new ConfigError(
    r.error.issues
      .map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`)
      .join('\n'),
  );
}

/** The API's configuration from environment variables (Node) or bindings (Workers); a bad value throws ConfigError. */
export function configFromEnv(env: Record<string, unknown>, runtime: 'node' | 'workers' = 'node'): AppConfig {
  const base = defaultConfig();
  const e = parseEnv(AppEnvSchema, env);
  return {
    ...base,
    corsOrigins: e.CORS_ORIGINS?.length ? e.CORS_ORIGINS : base.corsOrigins,
    maxBodyBytes: e.MAX_BODY_BYTES ?? base.maxBodyBytes,
    clientAddressSource: runtime === 'workers' ? 'cf-connecting-ip' : 'socket',
    trustedProxies: e.TRUST_PROXY ?? [],
    ss12000AllowedHosts: e.SS12000_ALLOWED_HOSTS?.map((h) => h.toLowerCase()) ?? [],
  };
}
