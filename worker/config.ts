import { defaultConfig, type AppConfig } from './context';

/** Read the API's configuration from environment variables (Node) or bindings (Workers). */
export function configFromEnv(env: Record<string, string | undefined>): AppConfig {
  const base = defaultConfig();
  const origins = env.CORS_ORIGINS?.split(',').map((s) => s.trim()).filter(Boolean);
  const maxBody = env.MAX_BODY_BYTES ? Number(env.MAX_BODY_BYTES) : NaN;
  return {
    corsOrigins: origins?.length ? origins : base.corsOrigins,
    maxBodyBytes: Number.isInteger(maxBody) && maxBody > 0 ? maxBody : base.maxBodyBytes,
    guessLimit: base.guessLimit,
    actorCacheMs: base.actorCacheMs,
  };
}
