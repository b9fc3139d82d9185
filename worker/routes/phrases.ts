import { createRoute } from '@hono/zod-openapi';
import { PhraseVersionList, UsageApplied } from '../../shared/schemas/responses';
import { z } from 'zod';
import {
  Phrase,
  PhraseCreate,
  PhraseExportQuery,
  PhraseImportReport,
  PhraseImportRequest,
  PhraseList,
  PhrasePatch,
  PhraseQuery,
  PhraseStats,
  SimilarPhrases,
  SimilarPhrasesRequest,
  StarterBankImportRequest,
} from '../../shared/index';
import { phrasesToCsv, phrasesToJson } from '../../shared/phrases/transfer';
import type { Deps } from '../context';
import { phraseStats } from '../repositories/phrase-stats';
import { exportPhrases, importPhrases, parsePhraseFile, starterBankRows } from '../repositories/phrase-transfer';
import {
  createPhrase,
  deletePhrase,
  getPhrase,
  listPhrases,
  listPhraseVersions,
  recordPhraseUsage,
  similarPhrases,
  updatePhrase,
} from '../repositories/phrases';
import { conflict, Deleted, errors, forbidden, IdParam, json, router, security } from './openapi-helpers';

const tags = ['phrases'];
const Usage = z
  .object({
    uses: z
      .array(z.object({ id: z.uuid(), count: z.int().min(1).max(10_000) }).strict())
      .min(1)
      .max(500),
  })
  .strict();

export function phraseRoutes({ db, clock }: Deps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags,
      security,
      description:
        'Phrases you may use. With `since`, every change after the cursor, including retired and deleted ones, for offline sync.',
      request: { query: PhraseQuery },
      responses: { 200: json(PhraseList, 'A page of phrases and the cursor for the next sync'), ...errors },
    }),
    async (c) => c.json(await listPhrases(db, c.var.actor, c.req.valid('query')), 200),
  );
  // Fixed paths come before `/{id}` so they are not read as an id.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/stats',
      tags,
      security,
      description: 'Usage per phrase (least used first) and per team, for pruning the bank.',
      request: { query: z.object({ teamId: z.uuid().optional() }) },
      responses: { 200: json(PhraseStats, 'Usage statistics'), ...errors },
    }),
    async (c) => c.json(await phraseStats(db, c.var.actor, c.req.valid('query').teamId), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/export',
      tags,
      security,
      description:
        'The bank as CSV (`;`, UTF-8 with BOM; columns text, subject, aspect, level, tags with `|` between tags) or JSON. Importing an export changes nothing.',
      request: { query: PhraseExportQuery },
      responses: {
        200: {
          description: 'The file',
          content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: z.unknown() } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const list = await exportPhrases(db, c.var.actor, q);
      const csv = q.format === 'csv';
      return c.body(csv ? phrasesToCsv(list) : phrasesToJson(list), 200, {
        'content-type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="fraser.${q.format}"`,
      });
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/import',
      tags,
      security,
      description:
        'Import a CSV or JSON file into a team or the school bank (team lead or admin). Any invalid row: 400 with every row in `details.rows`, nothing written. `dryRun` reports without writing.',
      request: { body: { content: { 'application/json': { schema: PhraseImportRequest } }, required: true } },
      responses: {
        200: json(PhraseImportReport, 'What was (or with dryRun would be) created, updated, unchanged and skipped'),
        ...errors,
        ...forbidden,
      },
    }),
    async (c) => {
      const { format, content, ...target } = c.req.valid('json');
      return c.json(
        await importPhrases(db, c.var.actor, parsePhraseFile(format, content), target, clock().toISOString()),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/starter-bank',
      tags,
      security,
      description:
        "Import the product's starter bank (åk 1–5, every subject, social development, planning) into a team or the school bank.",
      request: { body: { content: { 'application/json': { schema: StarterBankImportRequest } }, required: true } },
      responses: { 200: json(PhraseImportReport, 'Import report'), ...errors, ...forbidden },
    }),
    async (c) =>
      c.json(await importPhrases(db, c.var.actor, starterBankRows(), c.req.valid('json'), clock().toISOString()), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/similar',
      tags,
      security,
      description: 'Phrases that say nearly the same as a proposal (text in the body, not the URL).',
      request: { body: { content: { 'application/json': { schema: SimilarPhrasesRequest } }, required: true } },
      responses: { 200: json(SimilarPhrases, 'Similar phrases, best first'), ...errors },
    }),
    async (c) => {
      const { text, excludeId } = c.req.valid('json');
      return c.json({ similar: await similarPhrases(db, c.var.actor, text, excludeId) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/versions',
      tags,
      security,
      request: { params: IdParam },
      responses: { 200: json(PhraseVersionList, 'Every version, newest first'), ...errors },
    }),
    async (c) => c.json({ versions: await listPhraseVersions(db, c.var.actor, c.req.valid('param').id) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}',
      tags,
      security,
      request: { params: IdParam },
      responses: { 200: json(Phrase, 'The phrase'), ...errors },
    }),
    async (c) => c.json(await getPhrase(db, c.var.actor, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags,
      security,
      description: "A teacher's phrase is a proposal until a team lead or admin approves it.",
      request: { body: { content: { 'application/json': { schema: PhraseCreate } }, required: true } },
      responses: { 201: json(Phrase, 'Created'), ...errors, ...forbidden },
    }),
    async (c) => c.json(await createPhrase(db, c.var.actor, c.req.valid('json'), clock().toISOString()), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}',
      tags,
      security,
      request: { params: IdParam, body: { content: { 'application/json': { schema: PhrasePatch } }, required: true } },
      responses: { 200: json(Phrase, 'Updated (a new version)'), ...errors, ...forbidden, ...conflict },
    }),
    async (c) =>
      c.json(
        await updatePhrase(db, c.var.actor, c.req.valid('param').id, c.req.valid('json'), clock().toISOString()),
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
      responses: { 200: json(Deleted, 'Deleted'), ...errors, ...forbidden },
    }),
    async (c) => {
      await deletePhrase(db, c.var.actor, c.req.valid('param').id, clock().toISOString());
      return c.json({ deleted: true as const }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/usage',
      tags,
      security,
      description: 'Batched usage counts from the palette.',
      request: { body: { content: { 'application/json': { schema: Usage } }, required: true } },
      responses: { 200: json(UsageApplied, 'Counts applied to phrases you may see'), ...errors },
    }),
    async (c) =>
      c.json(
        { applied: await recordPhraseUsage(db, c.var.actor, c.req.valid('json').uses, clock().toISOString()) },
        200,
      ),
  );
  return app;
}
