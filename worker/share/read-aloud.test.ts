import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { READ_ALOUD_HASH, READ_ALOUD_SCRIPT } from './read-aloud';

describe('the share page’s one script', () => {
  it('is allowed by its hash, and the hash is of exactly this text', () => {
    expect(createHash('sha256').update(READ_ALOUD_SCRIPT).digest('base64')).toBe(READ_ALOUD_HASH);
  });
});
