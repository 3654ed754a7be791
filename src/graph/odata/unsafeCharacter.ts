/**
 * C0 controls (NUL, tab, CR, LF, ...), DEL and C1 controls. Percent-encoding would carry them (`%0D%0A`),
 * but no user name, principal name, failure reason or id in Entra holds one, Graph does not document how
 * its `$filter` parser treats them (a `%00` is refused by several front ends), and refusing them turns a
 * would-be opaque upstream 400 into a `BAD_USER_INPUT` naming the property.
 */
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one: not UTF-8 encodable. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The first character the compiler refuses to send inside a literal or path segment, described. */
export function unsafeCharacter(text: string): string | undefined {
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const codePoint = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `the control character U+${codePoint} at position ${control.index}`;
  }
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `a lone surrogate at position ${surrogate.index}`;
  return undefined;
}
