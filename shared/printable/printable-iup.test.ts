import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../iup/default-template';
import { emptySections } from '../schemas/iup';
import { printableIup } from './printable-iup';

const base = {
  lang: 'sv' as const,
  schoolName: 'Demoskolan',
  pupil: { firstName: 'Saga', lastName: 'Lind', arskurs: 3 },
  schoolYear: '2026/27',
  template: defaultTemplate(),
};

describe('the printable IUP', () => {
  it('follows the template order, leaves out what is not written, and names subjects and scale in words', () => {
    const sections = {
      ...emptySections(),
      omdomen: [
        { subject: 'MA', text: 'Saga löser problem med enkla metoder.', scale: 1 as const },
        { subject: 'SV', text: 'Saga läser med flyt och för utvecklade resonemang.', scale: 2 as const },
        { subject: 'EN', text: '', scale: null },
      ],
      planning: { school: 'Skolan ger lästräning två gånger i veckan.', pupil: '', guardians: 'Läsa högt hemma.' },
    };
    const p = printableIup({ ...base, sections });
    expect(p.subtitle).toBe('Saga Lind, årskurs 3, läsår 2026/27');
    expect(p.sections.map((s) => s.kind)).toEqual(['omdomen', 'planning']);
    expect(p.sections[0]!.items.map((i) => [i.label, i.scale])).toEqual([
      ['Svenska', 'Mer än godtagbara kunskaper'],
      ['Matematik', 'Godtagbara kunskaper'],
    ]);
    expect(p.sections[1]!.items.map((i) => i.label)).toEqual(['Skolan', 'Vårdnadshavarna']);
  });

  it('explains only the value words the plan uses as value words, and the school terms it uses', () => {
    const sections = { ...emptySections(), social: 'Saga tar del i kamratrespons och resonerar med god säkerhet.' };
    const terms = printableIup({ ...base, sections }).glossary.map((g) => g.term);
    expect(terms).toEqual(['med god säkerhet', 'kamratrespons']);
    // "enkla texter" is about the texts; "enkla resonemang" grades the pupil's reasoning.
    const plain = { ...emptySections(), social: 'Saga läser enkla texter och har utvecklat sitt ordförråd.' };
    expect(printableIup({ ...base, sections: plain }).glossary).toEqual([]);
    const graded = { ...emptySections(), social: 'Saga för enkla resonemang och beskriver på ett utvecklat sätt.' };
    expect(printableIup({ ...base, sections: graded }).glossary.map((g) => g.term)).toEqual(['enkla', 'utvecklade']);
    const en = printableIup({ ...base, lang: 'en', sections: graded });
    expect(en.glossary[0]!.explanation).toMatch(/basic/);
    expect(en.subtitle).toBe('Saga Lind, year 3, school year 2026/27');
  });
});
