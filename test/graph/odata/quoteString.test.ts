import { ODataCompileError } from '../../../src/graph/errors';
import { quoteString } from '../../../src/graph/odataLiterals';

describe('quoteString', () => {
  it('wraps text in single quotes and doubles every quote inside', () => {
    expect(quoteString('p', "O'Brien")).toBe("'O''Brien'");
    expect(quoteString('p', "''")).toBe("''''''");
    expect(quoteString('p', "' or 1 eq 1 or '")).toBe("''' or 1 eq 1 or '''");
  });

  it('keeps the empty string as an empty literal', () => {
    expect(quoteString('p', '')).toBe("''");
  });

  it('leaves URL-significant characters for the percent-encoding step', () => {
    expect(quoteString('p', '100% & #1 + a/b?c=d')).toBe("'100% & #1 + a/b?c=d'");
  });

  it('keeps non-ASCII text and astral characters as they are', () => {
    expect(quoteString('p', 'Zoë Müller 日本 🔐')).toBe("'Zoë Müller 日本 🔐'");
  });

  it('accepts 512 characters and refuses 513, naming the limit and the length', () => {
    expect(quoteString('p', 'x'.repeat(512))).toHaveLength(514);
    expect(() => quoteString('userDisplayName', 'x'.repeat(513))).toThrow(
      '`userDisplayName` accepts strings of at most 512 characters, but got one of 513',
    );
  });

  it('refuses CR, LF, tab, NUL, DEL and C1 controls, naming the code point', () => {
    const cases: [string, string][] = [
      ['a\r\nb', 'U+000D at position 1'],
      ['a\nb', 'U+000A at position 1'],
      ['\tab', 'U+0009 at position 0'],
      ['ab\u0000', 'U+0000 at position 2'],
      ['a\u007f', 'U+007F at position 1'],
      ['a\u0085', 'U+0085 at position 1'],
    ];
    for (const [value, where] of cases) {
      expect(() => quoteString('failureReason', value)).toThrow(`but got the control character ${where} in: ${JSON.stringify(value)}`);
    }
  });

  it('refuses lone high and low surrogates but accepts a proper pair', () => {
    expect(() => quoteString('p', 'a\ud83d')).toThrow('a lone surrogate at position 1');
    expect(() => quoteString('p', '\udd10b')).toThrow('a lone surrogate at position 0');
    expect(() => quoteString('p', '\udd10\ud83d')).toThrow('a lone surrogate at position 0');
    expect(quoteString('p', '\ud83d\udd10')).toBe("'🔐'");
  });

  it('refuses a non-string, naming the property', () => {
    const error = (() => {
      try {
        quoteString('userPrincipalName', 42);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ODataCompileError);
    expect((error as ODataCompileError).property).toBe('userPrincipalName');
    expect((error as ODataCompileError).message).toBe('`userPrincipalName` accepts a string, but got: 42');
  });
});
