import { createRoute } from '@hono/zod-openapi';
import { HandoverImportReport, PupilList } from '../../shared/schemas/responses';
import { z } from 'zod';
import { Handover, HandoverImport, Pupil, PupilCreate, PupilPatch, PupilQuery } from '../../shared/index';
import { exportHandover, importHandover } from '../repositories/handover';
import type { Deps } from '../context';
import { ForbiddenError } from '../errors';
import { createPupil, erasePupil, getPupil, listPupils, updatePupil } from '../repositories/pupils';
import { Deleted, errors, forbidden, IdParam, json, router, security } from './openapi-helpers';

/** Changing placement (groups, mentors) or protection changes who sees a pupil: admins only. */
const ADMIN_FIELDS = ['groupIds', 'mentorIds', 'securityMarked', 'externalIds'] as const;

export function pupilRoutes({ db, clock }: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['pupils'],
      security,
      request: { query: PupilQuery },
      responses: { 200: json(PupilList, 'Pupils you may see'), ...errors },
    }),
    async (c) => c.json(await listPupils(db, c.var.actor, c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/handover',
      tags: ['pupils'],
      security,
      request: { params: IdParam },
      description:
        "The pupil's hand-over file for the next school (format `iup-stod-handover`, version 1): every IUP with all revisions, samtal with agreements. Audit-logged.",
      responses: { 200: json(Handover, 'The hand-over file'), ...errors },
    }),
    async (c) => {
      const file = await exportHandover(db, c.var.actor, c.req.valid('param').id, clock().toISOString());
      c.header('content-disposition', 'attachment; filename="overlamning.json"');
      c.header('cache-control', 'no-store');
      return c.json(file, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/handover',
      tags: ['pupils'],
      security,
      description:
        'Admin: take a hand-over file from another IUP-stöd school. Creates the pupil, or attaches to `pupilId`; a läsår that already has an IUP here is skipped.',
      request: { body: { content: { 'application/json': { schema: HandoverImport } }, required: true } },
      responses: { 200: json(HandoverImportReport, 'What was imported'), ...errors, ...forbidden },
    }),
    async (c) => {
      const body = c.req.valid('json');
      return c.json(await importHandover(db, c.var.actor, body.file, body.pupilId, clock().toISOString()), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags: ['pupils'],
      security,
      request: { params: IdParam },
      responses: { 200: json(Pupil, 'The pupil'), ...errors },
    }),
    async (c) => c.json(await getPupil(db, c.var.actor, c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['pupils'],
      security,
      request: { body: { content: { 'application/json': { schema: PupilCreate } }, required: true } },
      responses: { 201: json(Pupil, 'Created'), ...errors, ...forbidden },
    }),
    async (c) => {
      if (c.var.actor.role !== 'admin') throw new ForbiddenError('Only an admin can add pupils.');
      return c.json(await createPupil(db, c.var.actor, c.req.valid('json'), clock().toISOString()), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags: ['pupils'],
      security,
      request: { params: IdParam, body: { content: { 'application/json': { schema: PupilPatch } }, required: true } },
      responses: { 200: json(Pupil, 'Updated'), ...errors, ...forbidden },
    }),
    async (c) => {
      const patch = c.req.valid('json');
      if (c.var.actor.role !== 'admin' && ADMIN_FIELDS.some((f) => patch[f] !== undefined)) {
        throw new ForbiddenError(`Only an admin can change ${ADMIN_FIELDS.join(', ')}.`);
      }
      return c.json(await updatePupil(db, c.var.actor, c.req.valid('param').id, patch, clock().toISOString()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags: ['pupils'],
      security,
      description: 'Erase the pupil and everything written about them (GDPR erasure).',
      request: { params: IdParam },
      responses: {
        200: json(
          Deleted.extend({
            diskScrubbed: z
              .boolean()
              .describe(
                'false when the database file could not be confirmed free of the erased data (a remote database, or a long-running reader); see the README',
              ),
          }),
          'Erased',
        ),
        ...errors,
        ...forbidden,
      },
    }),
    async (c) => {
      if (c.var.actor.role !== 'admin') throw new ForbiddenError('Only an admin can erase a pupil.');
      const { diskScrubbed } = await erasePupil(db, c.var.actor, c.req.valid('param').id);
      return c.json({ deleted: true as const, diskScrubbed }, 200);
    },
  );

  return app;
}
