import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { Phrase, PhraseCreate, PhraseList, PhrasePatch, PhraseQuery } from '../../shared/index';
import type { Deps } from '../context';
import { createPhrase, deletePhrase, getPhrase, listPhrases, recordPhraseUsage, updatePhrase } from '../repositories/phrases';
import { Deleted, errors, forbidden, IdParam, json, router, security } from './openapi-helpers';

const tags = ['phrases'];
const Usage = z.object({ uses: z.array(z.object({ id: z.uuid(), count: z.int().min(1).max(10_000) }).strict()).min(1).max(500) }).strict();

export function phraseRoutes({ db, clock }: Deps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get', path: '/', tags, security,
      description: 'Phrases you may use. With `since`, every change after the cursor, including retired and deleted ones, for offline sync.',
      request: { query: PhraseQuery }, responses: { 200: json(PhraseList, 'A page of phrases and the cursor for the next sync'), ...errors },
    }),
    async (c) => c.json(await listPhrases(db, c.var.actor, c.req.valid('query')), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/{id}', tags, security, request: { params: IdParam }, responses: { 200: json(Phrase, 'The phrase'), ...errors } }),
    async (c) => c.json(await getPhrase(db, c.var.actor, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/', tags, security, description: "A teacher's phrase is a proposal until a team lead or admin approves it.",
      request: { body: { content: { 'application/json': { schema: PhraseCreate } }, required: true } },
      responses: { 201: json(Phrase, 'Created'), ...errors, ...forbidden },
    }),
    async (c) => c.json(await createPhrase(db, c.var.actor, c.req.valid('json'), clock().toISOString()), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch', path: '/{id}', tags, security,
      request: { params: IdParam, body: { content: { 'application/json': { schema: PhrasePatch } }, required: true } },
      responses: { 200: json(Phrase, 'Updated'), ...errors, ...forbidden },
    }),
    async (c) => c.json(await updatePhrase(db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), clock().toISOString()), 200),
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/{id}', tags, security, request: { params: IdParam }, responses: { 200: json(Deleted, 'Deleted'), ...errors, ...forbidden } }),
    async (c) => {
      await deletePhrase(db, c.var.actor, c.req.valid('param').id, clock().toISOString());
      return c.json({ deleted: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post', path: '/usage', tags, security, description: 'Batched usage counts from the palette.',
      request: { body: { content: { 'application/json': { schema: Usage } }, required: true } },
      responses: { 200: json(z.object({ applied: z.int() }), 'Counts applied to phrases you may see'), ...errors },
    }),
    async (c) => c.json({ applied: await recordPhraseUsage(db, c.var.actor, c.req.valid('json').uses) }, 200),
  );
  return app;
}
