import { describe, expect, it } from 'vitest';
import { nameProblem, normaliseName, textProblem, withoutRefusedCharacters } from './text-rules';

describe('what people may write', () => {
  it('names: visible letters only', () => {
    for (const ok of ['Åsa', 'Anna-Lena', "O'Brien", 'Nguyễn', 'Zoë Ek', 'Al-Hassan', 'Björn Å.'])
      expect([ok, nameProblem(ok)]).toEqual([ok, null]);
    for (const bad of [
      'Åhlén\nAndersson',
      'Tab\tbed',
      'R\u202Eeversed',
      'Zero\u200Bwidth',
      'Soft\u00ADhyphen',
      'Nel\u0085',
      'Line\u2028sep',
      'Tag\u{E0041}',
      'Priv\uE000ate',
      'Lone\uD800',
      'Zal\u0301\u0302\u0303go',
      'Iso\u2067late',
    ]) {
      expect([JSON.stringify(bad), nameProblem(bad)]).not.toEqual([JSON.stringify(bad), null]);
    }
    expect(normaliseName('  A\u030Asa ')).toBe('Åsa');
  });

  it('free text: ordinary Unicode and line breaks, no overrides, controls or separators', () => {
    for (const ok of [
      'Rad ett\n\tRad två\r\n',
      'Bra 👨\u200D👩\u200D👧',
      'می\u200Cخواهم',
      'مرحبا\u200F',
      '🏴\u{E0067}\u{E0062}\u{E007F}',
      'Nguyễn',
    ])
      expect([ok, textProblem(ok)]).toEqual([ok, null]);
    for (const bad of [
      'a\u0000b',
      'a\u0007b',
      'a\u202Eb',
      'a\u2066b',
      'a\u2028b',
      'a\u0085b',
      'lone\uDC00',
      `z${'\u0301'.repeat(6)}`,
    ]) {
      expect([JSON.stringify(bad), textProblem(bad)]).not.toEqual([JSON.stringify(bad), null]);
    }
    expect(withoutRefusedCharacters('Gammal \u202Etext\u0000')).toBe('Gammal text');
  });
});
