import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import { z } from 'zod';
import { ErrorBody } from '../../shared/index';
import type { AppEnv } from '../context';
import { validationHook } from '../middleware/validation-hook';

/** A router whose validation failures become our JSON error shape. */
export const router = () => new OpenAPIHono<AppEnv>({ defaultHook: (result) => validationHook(result) });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

const err = (description: string) => json(ErrorBody, description);

/** The error responses every authenticated route can give. */
export const errors = {
  400: err('Invalid input'),
  401: err('Missing, unknown or revoked token'),
  404: err('Not found, or not visible to you'),
} as const;

export const conflict = { 409: err('Stale version or duplicate; details.current holds the current record') } as const;
export const forbidden = { 403: err('Your role does not allow this') } as const;

export const security = [{ bearerAuth: [] }];

export const IdParam = z.object({ id: z.uuid() });
export { Deleted } from '../../shared/schemas/responses';

/**
 * A JSON answer serialised elsewhere (a report thread) and sent as it is. Typed as the route's
 * declared JSON: the text is the same task's `JSON.stringify` of that shape.
 */
export const preserialised = <T>(c: Context, json: string): Response & TypedResponse<T, 200, 'json'> =>
  c.body(json, 200, { 'content-type': 'application/json; charset=utf-8' }) as unknown as Response &
    TypedResponse<T, 200, 'json'>;
