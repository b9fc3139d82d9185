import { describe, expect, it } from 'vitest';
import { emptySections } from '../schemas/iup';
import { defaultTemplate } from './default-template';
import { differingFields, fieldScale, fieldText, sectionFields, withFieldScale, withFieldText } from './section-fields';

describe('section fields', () => {
  const fields = sectionFields(defaultTemplate());

  it('lists an omdöme per template subject, social development, each party of the plan and agreements, the pupil’s voice', () => {
    const keys = fields.map((f) => f.key);
    expect(keys.slice(0, 3)).toEqual(['omdome:SV', 'omdome:MA', 'omdome:EN']);
    expect(keys).toContain('social');
    expect(keys).toEqual(
      expect.arrayContaining([
        'planning.school',
        'planning.pupil',
        'planning.guardians',
        'pupilVoice',
        'agreements.guardians',
      ]),
    );
  });

  it('reads and writes every field without touching the others', () => {
    let s = emptySections();
    for (const f of fields) s = withFieldText(s, f.key, `text ${f.key}`);
    for (const f of fields) expect(fieldText(s, f.key)).toBe(`text ${f.key}`);
    const cleared = withFieldText(s, 'omdome:MA', '');
    expect(cleared.omdomen.map((o) => o.subject)).not.toContain('MA');
    expect(fieldText(cleared, 'omdome:SV')).toBe('text omdome:SV');
  });

  it('names the fields that differ between two versions', () => {
    const a = withFieldText(emptySections(), 'social', 'A');
    const b = withFieldText(withFieldText(emptySections(), 'social', 'B'), 'planning.school', 'C');
    expect(differingFields(a, b, fields).map((f) => f.key)).toEqual(['social', 'planning.school']);
  });

  it('keeps the optional scale beside a subject’s text, also for an omdöme with only a scale', () => {
    let s = withFieldScale(emptySections(), 'omdome:MA', 1);
    expect(s.omdomen).toEqual([{ subject: 'MA', text: '', scale: 1 }]);
    s = withFieldText(s, 'omdome:MA', 'Räknar säkert.');
    expect(fieldScale(s, 'omdome:MA')).toBe(1);
    expect(differingFields(s, withFieldScale(s, 'omdome:MA', 2), fields).map((f) => f.key)).toEqual(['omdome:MA']);
    expect(withFieldScale(withFieldText(s, 'omdome:MA', ''), 'omdome:MA', null).omdomen).toEqual([]);
  });
});
