import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Meeting } from '../../shared/schemas/meeting';
import { InvitationList, SamtalTimeList } from '../../shared/schemas/responses';
import {
  BookingMove,
  ClassView,
  Invitation,
  InvitationCreate,
  InvitationPatch,
  Letters,
  LettersRequest,
  SamtalClasses,
  SamtalPublish,
  SamtalTime,
  SamtalTimePatch,
  SamtalTimeQuery,
  TeacherBooking,
} from '../../shared/schemas/samtal';
import type { Deps } from '../context';
import { bookForPupil, cancelBooking, moveBooking } from '../repositories/samtal/bookings';
import { classView, invitationLetters, listClasses } from '../repositories/samtal/classes';
import { invite, listInvitations, setDeclined } from '../repositories/samtal/invitations';
import { listTimes, publishTimes, updateTime, withdrawTime } from '../repositories/samtal/times';
import { conflict, Deleted, errors, forbidden, IdParam, json, router, security } from './openapi-helpers';

const tags = ['samtal'];
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/**
 * Planning the utvecklingssamtal: publish bookable times, book for a pupil, move and cancel,
 * record invitations, see a class's round, and print letters for families reached on paper.
 */
export function samtalRoutes({ db, clock }: Deps) {
  const app = router();
  const now = () => clock().toISOString();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/times',
      tags,
      security,
      description:
        'Publish consecutive times (date, first start in school-local time, length, break, count) for classes and/or chosen pupils.',
      request: body(SamtalPublish),
      responses: { 201: json(SamtalTimeList, 'The published times'), ...errors },
    }),
    async (c) => c.json({ times: await publishTimes(db, c.var.actor, c.req.valid('json'), now()) }, 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/times',
      tags,
      security,
      description:
        'Times you published (from yesterday on unless `from` says otherwise); with `groupId` or `pupilId`, the times offered to that class or pupil.',
      request: { query: SamtalTimeQuery },
      responses: { 200: json(SamtalTimeList, 'Times, earliest first'), ...errors },
    }),
    async (c) => c.json({ times: await listTimes(db, c.var.actor, c.req.valid('query'), now()) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/times/{id}',
      tags,
      security,
      description: 'Edit a time. A booked time moves its samtal with it; the family sees the change.',
      request: { params: IdParam, ...body(SamtalTimePatch) },
      responses: { 200: json(SamtalTime, 'The time'), ...errors, ...forbidden, ...conflict },
    }),
    async (c) => c.json(await updateTime(db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), now()), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/times/{id}',
      tags,
      security,
      description: 'Withdraw a free time. A booked one is 409: move or cancel the booking first.',
      request: { params: IdParam },
      responses: { 200: json(Deleted, 'Withdrawn'), ...errors, ...forbidden, ...conflict },
    }),
    async (c) => {
      await withdrawTime(db, c.var.actor, c.req.valid('param').id);
      return c.json({ deleted: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/bookings',
      tags,
      security,
      description:
        'Book a pupil into a published free time (`timeId`), or at a time agreed with the family (`startsAt`, `place`). 409 with `details.reason = "taken"` when the time was just booked.',
      request: body(TeacherBooking),
      responses: { 201: json(Meeting, 'The samtal'), ...errors, ...conflict },
    }),
    async (c) => c.json(await bookForPupil(db, c.var.actor, c.req.valid('json'), now()), 201),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/bookings/{id}/time',
      tags,
      security,
      description: 'Move a booked samtal to another published time.',
      request: { params: IdParam, ...body(BookingMove) },
      responses: { 200: json(Meeting, 'The samtal'), ...errors, ...conflict },
    }),
    async (c) =>
      c.json(await moveBooking(db, c.var.actor, c.req.valid('param').id, c.req.valid('json').timeId, now()), 200),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/bookings/{id}',
      tags,
      security,
      description: 'Cancel a booked samtal; its time is free again and calendars show the event cancelled.',
      request: { params: IdParam },
      responses: { 200: json(Meeting, 'The cancelled samtal'), ...errors, ...conflict },
    }),
    async (c) => c.json(await cancelBooking(db, c.var.actor, c.req.valid('param').id, now()), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/invitations',
      tags,
      security,
      description: 'Record that the families of these pupils were invited (by link, letter or otherwise).',
      request: body(InvitationCreate),
      responses: { 201: json(InvitationList, 'One invitation per pupil'), ...errors },
    }),
    async (c) => c.json({ invitations: await invite(db, c.var.actor, c.req.valid('json'), now()) }, 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/invitations',
      tags,
      security,
      request: { query: z.object({ pupilId: z.uuid() }) },
      responses: { 200: json(InvitationList, "The pupil's invitations, newest first"), ...errors },
    }),
    async (c) => c.json({ invitations: await listInvitations(db, c.var.actor, c.req.valid('query').pupilId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/invitations/{id}',
      tags,
      security,
      description: 'The family declined (or no longer declines). Recorded; never a missed duty.',
      request: { params: IdParam, ...body(InvitationPatch) },
      responses: { 200: json(Invitation, 'The invitation'), ...errors },
    }),
    async (c) =>
      c.json(await setDeclined(db, c.var.actor, c.req.valid('param').id, c.req.valid('json').declined, now()), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/classes',
      tags,
      security,
      responses: { 200: json(SamtalClasses, 'Classes you plan samtal for'), ...errors },
    }),
    async (c) => c.json({ classes: await listClasses(db, c.var.actor) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/classes/{id}',
      tags,
      security,
      description: "Who has booked this round's samtal, who was invited but has not booked, who was not invited.",
      request: { params: IdParam },
      responses: { 200: json(ClassView, 'The class'), ...errors },
    }),
    async (c) => c.json(await classView(db, c.var.actor, c.req.valid('param').id, now()), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/letters',
      tags,
      security,
      description:
        'Invitation letters for families reached on paper: a new family link per pupil (in `linkPath`, shown only now), the booked or free times, and an invitation recorded as sent by letter.',
      request: body(LettersRequest),
      responses: { 201: json(Letters, 'One letter per pupil'), ...errors },
    }),
    async (c) => c.json(await invitationLetters(db, c.var.actor, c.req.valid('json'), now()), 201),
  );
  return app;
}
