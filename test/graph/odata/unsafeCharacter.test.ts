import { unsafeCharacter } from '../../../src/graph/odataLiterals';

describe('unsafeCharacter', () => {
  it('finds nothing in ordinary text, non-ASCII and emoji included', () => {
    expect(unsafeCharacter("O'Brien Zoë 日本 🔐 % & # +")).toBeUndefined();
  });

  it('describes the first control character by code point and position', () => {
    expect(unsafeCharacter('ab\r\n')).toBe('the control character U+000D at position 2');
    expect(unsafeCharacter('\u009f')).toBe('the control character U+009F at position 0');
  });

  it('describes lone surrogates by position', () => {
    expect(unsafeCharacter('🔐\ud83d')).toBe('a lone surrogate at position 2');
  });
});
