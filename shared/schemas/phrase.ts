import { z } from 'zod';
import { Id, Text } from './common';
import { Subject } from './subjects';

export const PhraseAspect = z.enum(['knowledge', 'social', 'planning']);
export const PhraseStatus = z.enum(['proposed', 'approved', 'retired']);
/** Lgr22 value-word level (grundläggande / goda / mycket goda …). */
export const PhraseLevel = z.enum(['E', 'C', 'A']);
export const PhraseScope = z.enum(['team', 'school']);

const Tag = z.string().trim().min(1).max(40);

const PhraseFields = z.object({
  text: Text(1000).trim().min(1),
  scope: PhraseScope.default('team'),
  teamId: Id.nullable().default(null),
  subject: Subject.nullable().default(null),
  aspect: PhraseAspect.default('knowledge'),
  level: PhraseLevel.nullable().default(null),
  tags: z.array(Tag).max(20).default([]),
});

export const PhraseCreate = PhraseFields.extend({ status: PhraseStatus.optional() })
  .strict()
  .refine((p) => (p.scope === 'team') === (p.teamId !== null), {
    message: 'a team phrase needs teamId; a school phrase has none',
    path: ['teamId'],
  });
export type PhraseCreate = z.input<typeof PhraseCreate>;

export const PhrasePatch = z
  .object({
    text: PhraseFields.shape.text,
    subject: Subject.nullable(),
    aspect: PhraseAspect,
    level: PhraseLevel.nullable(),
    tags: z.array(Tag).max(20),
    status: PhraseStatus,
  })
  .partial()
  .strict();
export type PhrasePatch = z.infer<typeof PhrasePatch>;

export const Phrase = PhraseFields.extend({
  id: Id,
  scope: PhraseScope,
  teamId: Id.nullable(),
  subject: z.string().nullable(),
  aspect: PhraseAspect,
  level: PhraseLevel.nullable(),
  tags: z.array(z.string()),
  status: PhraseStatus,
  authorId: Id,
  usageCount: z.int(),
  lastUsedAt: z.string().nullable(),
  version: z.int(),
  deleted: z.boolean(),
  updatedAt: z.string(),
});
export type Phrase = z.infer<typeof Phrase>;

export const PhraseQuery = z.object({
  subject: Subject.optional(),
  aspect: PhraseAspect.optional(),
  level: PhraseLevel.optional(),
  status: PhraseStatus.optional(),
  teamId: Id.optional(),
  /** Opaque cursor from a previous page's `nextSince`: only phrases changed after it, deletions included. */
  since: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const PhraseList = z.object({ phrases: z.array(Phrase), nextSince: z.string().nullable() });

export const PhraseVersion = z.object({
  version: z.int(),
  text: z.string(),
  subject: z.string().nullable(),
  aspect: PhraseAspect,
  level: PhraseLevel.nullable(),
  tags: z.array(z.string()),
  status: PhraseStatus,
  editorId: Id,
  editorName: z.string(),
  at: z.string(),
});
export type PhraseVersion = z.infer<typeof PhraseVersion>;

export const SimilarPhrasesRequest = z.object({ text: Text(1000).trim().min(1), excludeId: Id.optional() }).strict();
export const SimilarPhrases = z.object({ similar: z.array(z.object({ phrase: Phrase, similarity: z.number() })) });

export const PhraseStats = z.object({
  phrases: z.array(
    Phrase.pick({
      id: true,
      text: true,
      status: true,
      scope: true,
      teamId: true,
      subject: true,
      usageCount: true,
      lastUsedAt: true,
    }),
  ),
  teams: z.array(
    z.object({
      teamId: Id.nullable(),
      name: z.string(),
      approved: z.int(),
      proposed: z.int(),
      retired: z.int(),
      uses: z.int(),
      unusedApproved: z.int(),
      lastUsedAt: z.string().nullable(),
    }),
  ),
});
export type PhraseStats = z.infer<typeof PhraseStats>;

const ImportTarget = {
  scope: PhraseScope.default('team'),
  teamId: Id.nullable().default(null),
  dryRun: z.boolean().default(false),
};
export const PhraseImportRequest = z
  .object({
    format: z.enum(['csv', 'json']),
    content: z.string().min(1).max(400_000),
    ...ImportTarget,
  })
  .strict();
export type PhraseImportRequest = z.input<typeof PhraseImportRequest>;
export const StarterBankImportRequest = z.object(ImportTarget).strict();

export const PhraseImportReport = z.object({
  dryRun: z.boolean(),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  skipped: z.array(z.object({ row: z.int(), reason: z.string() })),
});
export type PhraseImportReport = z.infer<typeof PhraseImportReport>;

export const PhraseExportQuery = z.object({
  format: z.enum(['csv', 'json']).default('csv'),
  scope: PhraseScope.optional(),
  teamId: Id.optional(),
  status: PhraseStatus.default('approved'),
});
