import { describe, expect, it } from 'vitest';
import { codeBeforeCaret, normaliseCode } from './my-phrases';

describe('short codes', () => {
  it('are a slash and letters or digits, lower-cased', () => {
    expect(normaliseCode('/Läs1')).toBe('/läs1');
    expect(normaliseCode('läs1')).toBe('/läs1');
    expect(normaliseCode('/läs 1')).toBeNull();
    expect(normaliseCode('/')).toBeNull();
  });

  it('expand at once when complete, and wait for a space when a longer code starts the same', () => {
    expect(codeBeforeCaret('Hej /läs1', ['/läs1'])).toEqual({ code: '/läs1', length: 5 });
    expect(codeBeforeCaret('Hej /läs', ['/läs', '/läs2'])).toBeNull();
    expect(codeBeforeCaret('Hej /läs ', ['/läs', '/läs2'])).toEqual({ code: '/läs', length: 5 });
    expect(codeBeforeCaret('Hej /LÄS1', ['/läs1'])).toEqual({ code: '/läs1', length: 5 });
  });

  it('never expand inside a word or a path', () => {
    expect(codeBeforeCaret('http://x/läs1', ['/läs1'])).toBeNull();
    expect(codeBeforeCaret('abc/läs1', ['/läs1'])).toBeNull();
  });
});
