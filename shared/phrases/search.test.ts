import { describe, expect, it } from 'vitest';
import { PhraseSearch, type SearchablePhrase } from './search';

const P = (id: string, text: string, over: Partial<SearchablePhrase> = {}): SearchablePhrase => ({
  id,
  text,
  subject: null,
  aspect: 'knowledge',
  level: null,
  tags: [],
  ...over,
});

const bank = [
  P('flyt', '{namn} läser med flyt och förstår det viktigaste.', { subject: 'SV', level: 'C' }),
  P('lasar', 'Eleven laser sitt arbete noga.', { subject: 'SV' }),
  P('mat', '{namn} använder matematiska begrepp med god säkerhet.', { subject: 'MA', level: 'A' }),
  P('samarb', '{namn} samarbetar i grupp och lyssnar på andra.', { aspect: 'social' }),
  P('hem', 'Hemma kan ni läsa tillsammans varje dag.', { aspect: 'planning', tags: ['vårdnadshavare'] }),
  P('ar', 'Ett år av arbete med bråk.', { subject: 'MA' }),
];
const search = new PhraseSearch(bank);
const ids = (q: string, f = {}) => search.search(q, f).map((p) => p.id);

describe('PhraseSearch', () => {
  it('matches word prefixes, all words required', () => {
    expect(ids('matem')).toEqual(['mat']);
    expect(ids('läs flyt')).toEqual(['flyt']);
    expect(ids('läs sax')).toEqual([]);
  });

  it('finds å ä ö without diacritics, ranked below exact matches', () => {
    expect(ids('lase').slice(0, 2)).toEqual(['lasar', 'flyt']);
    expect(ids('läse').slice(0, 2)).toEqual(['flyt', 'lasar']);
    expect(ids('brak')).toEqual(['ar']);
    expect(ids('sakerhet')).toEqual(['mat']);
  });

  it('treats å ä ö as letters: an exact "år" outranks words folded from it', () => {
    expect(ids('år')[0]).toBe('ar');
  });

  it('tolerates one typo in words of four letters or more', () => {
    expect(ids('matxmxtiska')).toEqual([]); // two edits
    expect(ids('matemtaiska')).toEqual(['mat']); // transposition
    expect(ids('matemtiska')).toEqual(['mat']); // one deletion
    expect(ids('samarbtear')).toEqual(['samarb']); // transposition
    expect(ids('gruop')).toEqual(['samarb']); // substitution
    expect(ids('xy')).toEqual([]);
    expect(ids('sax')).toEqual([]); // three letters: no typo tolerance
  });

  it('searches tags, and filters by subject, aspect and level', () => {
    expect(ids('vårdnad')).toEqual(['hem']);
    expect(ids('', { subject: 'MA' })).toEqual(['mat', 'ar']);
    expect(ids('', { aspect: 'social' })).toEqual(['samarb']);
    expect(ids('namn', { level: 'A' })).toEqual(['mat']);
  });

  it('puts recently and frequently used phrases first for an empty query', () => {
    const usage = new Map([
      ['hem', { count: 1, lastUsed: 2000 }],
      ['mat', { count: 9, lastUsed: 1000 }],
      ['ar', { count: 20, lastUsed: 1000 }],
    ]);
    expect(
      search
        .search('', {}, usage)
        .map((p) => p.id)
        .slice(0, 3),
    ).toEqual(['hem', 'ar', 'mat']);
  });
});

import { withinOneEditOfPrefix } from './search';

describe('withinOneEditOfPrefix', () => {
  it.each([
    ['matematik', 'matematiken', true],
    ['matxmatik', 'matematiken', true],
    ['mateatik', 'matematiken', true],
    ['mattematik', 'matematiken', true],
    ['maetmatik', 'matematiken', true],
    ['matemati', 'matematiken', true],
    ['mxtxmatik', 'matematiken', false],
    ['matematikenn', 'matematiken', true],
    ['matematikenxy', 'matematiken', false],
    ['bråk', 'bok', false],
    ['abcd', 'abdc', true],
  ])('%s ~ %s → %s', (word, term, want) => expect(withinOneEditOfPrefix(word, term)).toBe(want));
});

describe('first keystroke', () => {
  it('ranks a one-letter query like any other: whole words, then prefixes, then usage', () => {
    const s = new PhraseSearch([
      P('a', 'Berättar om bilder.'),
      P('b', 'Bygger med klossar.'),
      P('c', 'Läser böcker varje dag.'),
    ]);
    expect(s.search('b').map((p) => p.id)).toEqual(['a', 'b', 'c']);
    const usage = new Map([['c', { count: 5, lastUsed: 1 }]]);
    expect(s.search('b', {}, usage).map((p) => p.id)).toEqual(['c', 'a', 'b']);
    expect(s.search('b', { subject: 'SV' })).toEqual([]);
    expect(
      new PhraseSearch([P('i', 'Arbetar i grupp.'), P('j', 'Inför klassen.')]).search('i').map((p) => p.id),
    ).toEqual(['i', 'j']);
  });
});
