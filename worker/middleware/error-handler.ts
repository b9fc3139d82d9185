import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody, ErrorCode } from '../../shared/index';
import { ApiError } from '../errors';

const codeForStatus = (status: number): ErrorCode =>
  status === 401
    ? 'unauthorized'
    : status === 403
      ? 'forbidden'
      : status === 404
        ? 'not_found'
        : status === 409
          ? 'conflict'
          : status === 413
            ? 'payload_too_large'
            : status === 429
              ? 'rate_limited'
              : 'bad_request';

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** The error's type and any driver code, e.g. "DrizzleQueryError (SQLITE_CONSTRAINT)" — no content. */
export function describeForLog(err: Error): string {
  const codes: string[] = [];
  for (let e: unknown = err; e instanceof Error && codes.length < 4; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]{2,60}$/.test(code)) codes.push(code);
  }
  return codes.length ? `${err.name} (${codes.join(', ')})` : err.name;
}

/** The single place where thrown errors become the JSON error shape. */
export function errorHandler() {
  return function onError(err: Error, c: Context) {
    if (err instanceof ApiError) return c.json(body(err.code, err.message, err.details), err.status);
    if (err instanceof HTTPException) {
      const status = err.status;
      if (status < 500) return c.json(body(codeForStatus(status), err.message || 'Bad request.'), status);
    }
    // Never the message: drizzle's query errors carry the bound parameters, which can be pupil
    // data. The error type and the driver's code are enough to find the fault.
    console.error(`[iup-stod] unhandled ${describeForLog(err)}`);
    return c.json(body('internal', 'Something went wrong on the server; nothing was saved.'), 500);
  };
}

export function notFoundHandler() {
  return function notFound(c: Context) {
    return c.json(body('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`), 404);
  };
}
