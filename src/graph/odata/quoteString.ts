import { describeGiven } from './describeGiven';
import { ODataCompileError } from './ODataCompileError';
import { unsafeCharacter } from './unsafeCharacter';

/** Longest string literal accepted, in UTF-16 code units; Entra caps display names at 256 characters. */
const MAX_STRING_LENGTH = 512;

/**
 * An OData string literal: single-quoted, `'` doubled. Not yet percent-encoded; that happens once,
 * over the whole query option, in `buildListRequest`. Control characters and lone surrogates are
 * refused (see `unsafeCharacter`).
 */
export function quoteString(property: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new ODataCompileError(property, `\`${property}\` accepts a string, but got: ${describeGiven(value)}`);
  }
  if (value.length > MAX_STRING_LENGTH) {
    throw new ODataCompileError(
      property,
      `\`${property}\` accepts strings of at most ${MAX_STRING_LENGTH} characters, but got one of ${value.length}`,
    );
  }
  const unsafe = unsafeCharacter(value);
  if (unsafe !== undefined) {
    throw new ODataCompileError(
      property,
      `\`${property}\` accepts well-formed text without control characters (tab, CR, LF, NUL, ...), but got ${unsafe} in: ${describeGiven(value)}`,
    );
  }
  return `'${value.replace(/'/g, "''")}'`;
}
