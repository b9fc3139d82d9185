import { createRoute } from '@hono/zod-openapi';
import { RevisionList } from '../../shared/schemas/responses';
import { z } from 'zod';
import { IupCreate, IupDocument, IupQuery, IupUpdate } from '../../shared/index';
import type { Actor, Deps } from '../context';
import { recordRead } from '../repositories/audit';
import { ValidationError } from '../errors';
import { createIup, getIup, getIupByPupilYear, listRevisions, restoreRevision, saveIup } from '../repositories/iups';
import { conflict, errors, IdParam, json, router, security } from './openapi-helpers';

const tags = ['iups'];
const etag = (version: number) => `"${version}"`;

/** The version a writer started from: `If-Match: "3"` or `{ "version": 3 }`; they must agree if both are given. */
function baseVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const header = ifMatch === undefined ? undefined : Number(ifMatch.replace(/^W\//, '').replace(/"/g, ''));
  if (header !== undefined && (!Number.isInteger(header) || header < 1))
    throw new ValidationError('If-Match must be a version such as "3".');
  if (header !== undefined && bodyVersion !== undefined && header !== bodyVersion)
    throw new ValidationError('If-Match and body version disagree.');
  const version = header ?? bodyVersion;
  if (version === undefined)
    throw new ValidationError('Say which version you edited: If-Match header or "version" in the body.');
  return version;
}

export function iupRoutes({ db, clock }: Deps) {
  const app = router();
  /** Who read which pupil's IUP or history is logged, never what it says. */
  const logRead = (actor: Actor, entity: 'iup' | 'iup-revisions', doc: { id: string; pupilId: string }) =>
    recordRead(
      db,
      { schoolId: actor.schoolId, actorId: actor.teacherId, entity, entityId: doc.id, pupilId: doc.pupilId },
      clock().getTime(),
    );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      security,
      description: 'The IUP of a pupil for a läsår.',
      request: { query: IupQuery },
      responses: { 200: json(IupDocument, 'The IUP'), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const doc = await getIupByPupilYear(db, c.var.actor, q.pupilId, q.schoolYear);
      await logRead(c.var.actor, 'iup', doc);
      c.header('ETag', etag(doc.version));
      return c.json(doc, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      request: { params: IdParam },
      responses: { 200: json(IupDocument, 'The IUP'), ...errors },
    }),
    async (c) => {
      const doc = await getIup(db, c.var.actor, c.req.valid('param').id);
      await logRead(c.var.actor, 'iup', doc);
      c.header('ETag', etag(doc.version));
      return c.json(doc, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      security,
      request: { body: { content: { 'application/json': { schema: IupCreate } }, required: true } },
      responses: { 201: json(IupDocument, 'Created at version 1'), ...errors, ...conflict },
    }),
    async (c) => {
      const doc = await createIup(db, c.var.actor, c.req.valid('json'), clock().toISOString());
      c.header('ETag', etag(doc.version));
      return c.json(doc, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}',
      tags,
      security,
      description:
        'Save sections and/or status. Optimistic concurrency: a stale version gets 409 with the current document and writes nothing.',
      request: {
        params: IdParam,
        headers: z.object({ 'if-match': z.string().max(20).optional() }),
        body: { content: { 'application/json': { schema: IupUpdate } }, required: true },
      },
      responses: { 200: json(IupDocument, 'Saved as a new version'), ...errors, ...conflict },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const version = baseVersion(c.req.valid('header')['if-match'], body.version);
      const doc = await saveIup(
        db,
        c.var.actor,
        c.req.valid('param').id,
        { baseVersion: version, sections: body.sections, status: body.status },
        clock().toISOString(),
      );
      c.header('ETag', etag(doc.version));
      return c.json(doc, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/revisions',
      tags,
      security,
      request: { params: IdParam },
      responses: { 200: json(RevisionList, 'Every accepted save, newest first'), ...errors },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const { pupilId, revisions } = await listRevisions(db, c.var.actor, id);
      await logRead(c.var.actor, 'iup-revisions', { id, pupilId });
      return c.json({ revisions }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/revisions/{version}/restore',
      tags,
      security,
      description: 'Bring back an earlier revision as a new version; history is never rewritten.',
      request: {
        params: IdParam.extend({ version: z.coerce.number().int().min(1) }),
        headers: z.object({ 'if-match': z.string().max(20).optional() }),
        body: {
          content: { 'application/json': { schema: z.object({ version: z.int().min(1).optional() }).strict() } },
          required: false,
        },
      },
      responses: { 200: json(IupDocument, 'Restored as a new version'), ...errors, ...conflict },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const current = baseVersion(c.req.valid('header')['if-match'], c.req.valid('json')?.version);
      const doc = await restoreRevision(db, c.var.actor, p.id, p.version, current, clock().toISOString());
      c.header('ETag', etag(doc.version));
      return c.json(doc, 200);
    },
  );
  return app;
}
