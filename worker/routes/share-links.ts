import { createRoute } from '@hono/zod-openapi';
import { ShareCommentList, ShareLinkCreated, ShareLinkList, ShareLinkRevoked } from '../../shared/schemas/responses';
import { z } from 'zod';
import { SchoolYearLabel } from '../../shared/schemas/common';
import { ShareLinkCreate } from '../../shared/schemas/share';
import { PreparationView } from '../../shared/schemas/preparation';
import { teacherPreparation } from '../repositories/samtal/preparation';
import type { Deps } from '../context';
import { recordRead } from '../repositories/audit';
import { createShareLink, listShareComments, listShareLinks, revokeShareLink } from '../repositories/share-links';
import { errors, IdParam, json, router, security } from './openapi-helpers';

const tags = ['share links'];

/** Teachers' side of share links: create, list, revoke, and read what pupils and guardians wrote. */
export function shareLinkRoutes({ db, clock }: Deps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/pupils/{id}/share-links',
      tags,
      security,
      description:
        "A read-only link to the pupil's IUP of one läsår for the pupil and the guardians, where each can write what they want to raise at the samtal. Expires after `days` (default 30, at most 90). The token is in `path` and shown only now.",
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: ShareLinkCreate } }, required: true },
      },
      responses: { 201: json(ShareLinkCreated, 'The link; `path` is relative to the API'), ...errors },
    }),
    async (c) => {
      const { link, token } = await createShareLink(
        db,
        c.var.actor,
        c.req.valid('param').id,
        c.req.valid('json'),
        clock().toISOString(),
      );
      return c.json({ link, path: `/share/${token}` }, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/pupils/{id}/share-links',
      tags,
      security,
      request: { params: IdParam },
      responses: { 200: json(ShareLinkList, "The pupil's links, newest first"), ...errors },
    }),
    async (c) =>
      c.json({ links: await listShareLinks(db, c.var.actor, c.req.valid('param').id, clock().toISOString()) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/share-links/{id}',
      tags,
      security,
      description: 'Revoke a link at once; its page then shows only that it is closed.',
      request: { params: IdParam },
      responses: { 200: json(ShareLinkRevoked, 'Revoked'), ...errors },
    }),
    async (c) =>
      c.json({ link: await revokeShareLink(db, c.var.actor, c.req.valid('param').id, clock().toISOString()) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/pupils/{id}/share-comments',
      tags,
      security,
      description: 'What the pupil and the guardians wrote "inför samtalet" through a share link.',
      request: { params: IdParam, query: z.object({ schoolYear: SchoolYearLabel }) },
      responses: { 200: json(ShareCommentList, 'One text per author, if written'), ...errors },
    }),
    async (c) => {
      const { actor } = c.var;
      const pupilId = c.req.valid('param').id;
      const comments = await listShareComments(db, actor, pupilId, c.req.valid('query').schoolYear);
      await recordRead(
        db,
        { schoolId: actor.schoolId, actorId: actor.teacherId, entity: 'share-comments', entityId: pupilId, pupilId },
        clock().getTime(),
      );
      return c.json({ comments }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/pupils/{id}/preparation',
      tags,
      security,
      description:
        'The preparation questions the pupil’s family gets (standard or child-friendly) and what the pupil and the guardians answered this läsår.',
      request: { params: IdParam, query: z.object({ schoolYear: SchoolYearLabel }) },
      responses: { 200: json(PreparationView, 'Questions and answers'), ...errors },
    }),
    async (c) => {
      const { actor } = c.var;
      const pupilId = c.req.valid('param').id;
      const view = await teacherPreparation(db, actor, pupilId, c.req.valid('query').schoolYear);
      await recordRead(
        db,
        { schoolId: actor.schoolId, actorId: actor.teacherId, entity: 'preparation', entityId: pupilId, pupilId },
        clock().getTime(),
      );
      return c.json(view, 200);
    },
  );
  return app;
}
