import { describe, expect, it } from 'vitest';
import { joinTexts } from './join-to-caret';

describe('joining panel text to the text in the field', () => {
  it.each([
    ['after a sentence', '.', 'Amira läser.', '', ' Amira läser.'],
    ['after a word', 'n', 'läser bra.', '', ' läser bra.'],
    ['after a space', ' ', 'Amira läser.', '', 'Amira läser.'],
    ['in an empty field', '', '  Amira läser. ', '', 'Amira läser.'],
    ['after a new line', '\n', 'Amira läser.', '', 'Amira läser.'],
    ['before a word', '', 'Amira läser.', 'H', 'Amira läser. '],
    ['before a full stop', 'n', 'och skriver', '.', ' och skriver'],
    ['several paragraphs after text', '.', 'Första.\nAndra.', '', '\n\nFörsta.\nAndra.'],
    ['after a non-breaking space', '\u00a0', 'Amira.', '', 'Amira.'],
  ])('%s', (_name, before, text, after, expected) => {
    expect(joinTexts(before, text, after)).toBe(expected);
  });
});
