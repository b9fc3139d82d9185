import { createRoute } from '@hono/zod-openapi';
import { AcknowledgementList, MeetingList } from '../../shared/schemas/responses';
import { listAcknowledgements } from '../repositories/samtal/acknowledgements';
import { Meeting, MeetingCreate, MeetingPatch, MeetingQuery } from '../../shared/index';
import type { Deps } from '../context';
import { createMeeting, deleteMeeting, getMeeting, listMeetings, updateMeeting } from '../repositories/meetings';
import { Deleted, errors, IdParam, json, router, security } from './openapi-helpers';

const tags = ['meetings'];

export function meetingRoutes({ db, clock }: Deps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      security,
      request: { query: MeetingQuery },
      responses: { 200: json(MeetingList, 'Utvecklingssamtal of pupils you may see'), ...errors },
    }),
    async (c) => c.json({ meetings: await listMeetings(db, c.var.actor, c.req.valid('query')) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      request: { params: IdParam },
      responses: { 200: json(Meeting, 'The meeting'), ...errors },
    }),
    async (c) => c.json(await getMeeting(db, c.var.actor, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/acknowledgements',
      tags,
      security,
      description:
        'Who confirmed, through the family link, that they have read the samtal’s agreements — an acknowledgement, not a signature — with their comments.',
      request: { params: IdParam },
      responses: { 200: json(AcknowledgementList, 'Oldest first'), ...errors },
    }),
    async (c) =>
      c.json({ acknowledgements: await listAcknowledgements(db, c.var.actor, c.req.valid('param').id) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      security,
      request: { body: { content: { 'application/json': { schema: MeetingCreate } }, required: true } },
      responses: { 201: json(Meeting, 'Created'), ...errors },
    }),
    async (c) => c.json(await createMeeting(db, c.var.actor, c.req.valid('json'), clock().toISOString()), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      security,
      request: { params: IdParam, body: { content: { 'application/json': { schema: MeetingPatch } }, required: true } },
      responses: { 200: json(Meeting, 'Updated'), ...errors },
    }),
    async (c) =>
      c.json(
        await updateMeeting(db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), clock().toISOString()),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}',
      tags,
      security,
      request: { params: IdParam },
      responses: { 200: json(Deleted, 'Deleted'), ...errors },
    }),
    async (c) => {
      await deleteMeeting(db, c.var.actor, c.req.valid('param').id);
      return c.json({ deleted: true as const }, 200);
    },
  );
  return app;
}
