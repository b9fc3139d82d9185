import { describe, expect, it } from 'vitest';
import { fillPlaceholders, remainingPlaceholders } from './placeholders';

const text = '{namn} berättar om {hens} bok. Vi hjälper {honom}. {Hen} läser varje dag.';

describe('fillPlaceholders', () => {
  it.each([
    ['hon', 'Saga berättar om hennes bok. Vi hjälper henne. Hon läser varje dag.'],
    ['han', 'Saga berättar om hans bok. Vi hjälper honom. Han läser varje dag.'],
    ['hen', 'Saga berättar om hens bok. Vi hjälper hen. Hen läser varje dag.'],
  ] as const)('fills the %s forms', (pronoun, want) => {
    expect(fillPlaceholders(text, { firstName: 'Saga', pronoun })).toBe(want);
  });

  it('leaves pronoun placeholders visible when no pronoun is stored — never guesses from the name', () => {
    const out = fillPlaceholders(text, { firstName: 'Saga', pronoun: 'none' });
    expect(out).toBe('Saga berättar om {hens} bok. Vi hjälper {honom}. {Hen} läser varje dag.');
    expect(remainingPlaceholders(out)).toEqual(['{hens}', '{honom}', '{Hen}']);
  });

  it('leaves everything visible with no pupil chosen', () => {
    expect(fillPlaceholders(text, null)).toBe(text);
  });

  it('treats the name as text, not as a pattern', () => {
    expect(fillPlaceholders('{namn}', { firstName: '$& {hen}', pronoun: 'hon' })).toBe('$& {hen}');
  });
});
