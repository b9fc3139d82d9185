import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../shared/index';

/** A failure the client can act on. Only `app.onError` turns these into HTTP responses. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends ApiError {
  constructor(message: string, details?: unknown) {
    super(400, 'validation_failed', message, details);
  }
}

export class UnauthorizedError extends ApiError {
  constructor(message = 'A valid personal token is required (Authorization: Bearer …).') {
    super(401, 'unauthorized', message);
  }
}

export class ForbiddenError extends ApiError {
  constructor(message = 'Your role does not allow this.') {
    super(403, 'forbidden', message);
  }
}

/** Also used for records of another school or outside the teacher's teams: their existence is not revealed. */
export class NotFoundError extends ApiError {
  constructor(what: string) {
    super(404, 'not_found', `${what} not found.`);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string, details?: unknown) {
    super(409, 'conflict', message, details);
  }
}

export class RateLimitedError extends ApiError {
  constructor(message = 'Too many requests; wait a moment and try again.') {
    super(429, 'rate_limited', message);
  }
}
