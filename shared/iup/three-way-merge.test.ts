import { describe, expect, it } from 'vitest';
import { IupSections } from '../schemas/iup';
import { mergeSections } from './three-way-merge';
import { withFieldText } from './section-fields';

const base = IupSections.parse({
  omdomen: [{ subject: 'SV', text: 'Läser med flyt.' }],
  planning: { school: 'Lästräning.', pupil: '', guardians: '' },
});

describe('mergeSections (three-way, per field)', () => {
  it('keeps both writers’ changes to different fields', () => {
    const mine = withFieldText(base, 'planning.pupil', 'Läser hemma varje dag.');
    const theirs = withFieldText(base, 'omdome:MA', 'Räknar säkert med tiotal.');
    const { merged, conflicts } = mergeSections(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.planning.pupil).toBe('Läser hemma varje dag.');
    expect(merged.omdomen.map((o) => o.subject)).toEqual(['SV', 'MA']);
  });
  it('a field both changed to different texts is a conflict; the same change is not', () => {
    const mine = withFieldText(base, 'omdome:SV', 'Läser med flyt och inlevelse.');
    const theirs = withFieldText(base, 'omdome:SV', 'Läser med flyt. Nästa steg: längre texter.');
    expect(mergeSections(base, mine, theirs).conflicts).toEqual(['omdome:SV']);
    expect(mergeSections(base, mine, mine).conflicts).toEqual([]);
  });
  it('a removal is a change too', () => {
    const mine = withFieldText(base, 'omdome:SV', '');
    const { merged, conflicts } = mergeSections(base, mine, withFieldText(base, 'social', 'Samarbetar.'));
    expect(conflicts).toEqual([]);
    expect(merged.omdomen).toEqual([]);
    expect(merged.social).toBe('Samarbetar.');
  });
});
