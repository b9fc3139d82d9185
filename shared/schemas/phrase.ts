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
