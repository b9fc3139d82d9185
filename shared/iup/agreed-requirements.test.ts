import { describe, expect, it } from 'vitest';
import { IupSections } from '../schemas/iup';
import { missingForAgreed } from './agreed-requirements';

const full = IupSections.parse({
  omdomen: [
    { subject: 'SV', text: 'Läser med flyt. Nästa steg: skriva längre texter.' },
    { subject: 'MA', text: 'Räknar säkert.' },
  ],
  planning: { school: 'Lästräning', pupil: 'Läsa hemma', guardians: 'Fråga om boken' },
});

describe('missingForAgreed', () => {
  it('is empty for an IUP with omdömen, all three parts of the plan and a held samtal', () => {
    expect(missingForAgreed(full, [], true)).toEqual([]);
    expect(missingForAgreed(full, ['SV', 'MA'], true)).toEqual([]);
  });
  it('lists every missing part: an empty IUP cannot be agreed', () => {
    expect(missingForAgreed(IupSections.parse({}), [], false)).toEqual([
      { part: 'any-omdome' },
      { part: 'planning', party: 'school' },
      { part: 'planning', party: 'pupil' },
      { part: 'planning', party: 'guardians' },
      { part: 'held-samtal' },
    ]);
  });
  it('requires each subject the school marks as required; a blank text is not an omdöme', () => {
    const blankMa = { ...full, omdomen: [full.omdomen[0]!, { subject: 'MA' as const, text: '  ', scale: null }] };
    expect(missingForAgreed(blankMa, ['SV', 'MA', 'EN'], true)).toEqual([
      { part: 'omdome', subject: 'MA' },
      { part: 'omdome', subject: 'EN' },
    ]);
  });
});
