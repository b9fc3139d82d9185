import { describe, expect, it } from 'vitest';
import { adjectiveForms, compoundOf, nounForms, verbForms } from './morphology';

describe('Swedish inflection for the wording check', () => {
  it('inflects adjectives of each pattern', () => {
    expect(adjectiveForms('slarvig')).toEqual(
      expect.arrayContaining(['slarvigt', 'slarviga', 'slarvigare', 'slarvigaste']),
    );
    expect(adjectiveForms('omogen')).toEqual(expect.arrayContaining(['omoget', 'omogna', 'omognare']));
    expect(adjectiveForms('ointresserad')).toEqual(['ointresserad', 'ointresserat', 'ointresserade']);
    expect(adjectiveForms('intelligent')).toEqual(expect.arrayContaining(['intelligenta']));
    expect(adjectiveForms('långsam')).toEqual(expect.arrayContaining(['långsamma', 'långsammare']));
    expect(adjectiveForms('död')).toEqual(expect.arrayContaining(['dött', 'döda']));
  });

  it('declines nouns, with the genitive', () => {
    expect(nounForms('kompis', 'ar')).toEqual(
      expect.arrayContaining(['kompisen', 'kompisar', 'kompisarna', 'kompisarnas']),
    );
    expect(nounForms('pojke', 'ar')).toEqual(expect.arrayContaining(['pojken', 'pojkar', 'pojkarna']));
    expect(nounForms('kamrat', 'er')).toEqual(expect.arrayContaining(['kamraten', 'kamrater', 'kamraterna']));
    expect(nounForms('flicka', 'or')).toEqual(expect.arrayContaining(['flickan', 'flickor', 'flickorna']));
    expect(nounForms('barn', '-', true)).toEqual(expect.arrayContaining(['barnet', 'barnen', 'barnens']));
  });

  it('conjugates verbs, with the -s forms', () => {
    expect(verbForms('strunta', '1')).toEqual(expect.arrayContaining(['struntar', 'struntade', 'struntat']));
    expect(verbForms('anstränga', '2a')).toEqual(expect.arrayContaining(['anstränger', 'ansträngde', 'ansträngt']));
    expect(verbForms('utreda', '2a')).toEqual(expect.arrayContaining(['utreds', 'utredde', 'utrett']));
    expect(verbForms('bry', '3')).toEqual(expect.arrayContaining(['bryr', 'brydde', 'brytt']));
  });

  it('matches compounds by their head, not words that merely end like it', () => {
    const peer = new RegExp(`^${compoundOf(nounForms('kompis', 'ar'))}$`, 'u');
    expect(peer.test('klasskompisarna')).toBe(true);
    expect(peer.test('kompis')).toBe(true);
    expect(new RegExp(`^${compoundOf(['sak'])}$`, 'u').test('orsak')).toBe(false);
  });
});
