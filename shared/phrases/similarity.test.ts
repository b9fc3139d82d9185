import { describe, expect, it } from 'vitest';
import { findSimilarPhrases, phraseSimilarity } from './similarity';

describe('phraseSimilarity', () => {
  it('sees through case, punctuation and å/a', () => {
    expect(phraseSimilarity('{namn} läser med flyt.', '{Namn} laser med flyt')).toBe(1);
  });

  it('finds a near-duplicate with a small change, but not a different statement', () => {
    const bank = [
      { text: '{namn} läser enkla texter med flyt och förstår i huvudsak det {hen} läser.' },
      { text: '{namn} räknar med addition i talområdet 0–20.' },
    ];
    const similar = findSimilarPhrases('{namn} läser enkla texter med flyt och förstår det {hen} läser.', bank);
    expect(similar.map((s) => s.phrase)).toEqual([bank[0]]);
    expect(findSimilarPhrases('{namn} skriver berättelser med början och slut.', bank)).toEqual([]);
  });
});
