import { ODataCompileError } from './errors';

/** Longest excerpt of a refused value echoed into a message; the client sent it, but messages stay short. */
const MAX_ECHO_LENGTH = 80;

/**
 * How a refused value is echoed in an error message: JSON-quoted (so control characters and lone
 * surrogates show as escapes instead of breaking the message), cut at a fixed length.
 */
export function describeGiven(value: unknown): string {
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > MAX_ECHO_LENGTH
      ? `${quoted.slice(0, MAX_ECHO_LENGTH)}…" (${value.length} characters)`
      : quoted;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `a value of type ${typeof value}`;
}

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

/**
 * RFC 3986 strict percent-encoding of one query value or path segment. `encodeURIComponent` leaves
 * `!'()*` alone; OData gives `'` and parentheses meaning, so they are encoded too, which also keeps
 * one text ↔ one URL (the URL is a cache and dedup key). Throws `URIError` on a lone surrogate.
 */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

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

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const ACCEPTED =
  'an ISO 8601 date-time with seconds and a time zone (Z or ±hh:mm), at most 7 fractional digits, ' +
  'e.g. 2024-05-01T08:30:00Z or 2024-05-01T10:30:00.123+02:00';

/**
 * Validates a date-time strictly and rewrites it in UTC as `YYYY-MM-DDTHH:mm:ss[.fff]Z`, so that one
 * instant always yields one filter text (and one cache key). The fraction keeps up to 7 digits, Graph's
 * own precision (values copied from `eventDateTime` round-trip), trailing zeros trimmed then padded
 * to milliseconds, and is dropped when zero. Offsets are whole minutes, so they never touch the fraction.
 */
export function normalizeDateTime(property: string, value: unknown): string {
  const refuse = (): never => {
    throw new ODataCompileError(property, `\`${property}\` accepts ${ACCEPTED}, but got: ${describeGiven(value)}`);
  };
  if (typeof value !== 'string') return refuse();
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return refuse();
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number, number, number, number, number, number,
  ];
  const [, , , , , , , fraction = '', sign, offsetHours = '00', offsetMinutes = '00'] = match;
  if (year < 1 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return refuse();
  if (day < 1 || day > daysInMonth(year, month)) return refuse();
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return refuse();

  const offset = (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes));
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute - offset, second, 0);
  const utcYear = instant.getUTCFullYear();
  if (utcYear < 1 || utcYear > 9999) return refuse();

  const trimmed = fraction.replace(/0+$/, '');
  const fractionText = trimmed === '' ? '' : `.${trimmed.padEnd(3, '0')}`;
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return (
    `${pad(utcYear, 4)}-${pad(instant.getUTCMonth() + 1)}-${pad(instant.getUTCDate())}` +
    `T${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}:${pad(instant.getUTCSeconds())}${fractionText}Z`
  );
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Graph's function parameters here are enum-like tokens (`D30`, `all`, `privilegedAdmin`). */
const PARAMETER_VALUE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * `path(name='value',...)` for an OData function call, or `path` when there are no parameters.
 * Names are sorted so that one set of parameters always yields one URL, whatever the key order.
 */
export function functionCallPath(path: string, parameters: Readonly<Record<string, string>> | undefined): string {
  const names = Object.keys(parameters ?? {}).sort();
  if (names.length === 0) return path;
  const pairs = names.map((name) => {
    const value = parameters?.[name];
    if (!PARAMETER_NAME.test(name)) {
      throw new ODataCompileError(
        name,
        `function parameter names of ${path} accept letters, digits and _ (at most 64), but got: ${describeGiven(name)}`,
      );
    }
    if (typeof value !== 'string' || !PARAMETER_VALUE.test(value)) {
      throw new ODataCompileError(
        name,
        `\`${name}\` accepts a token of letters, digits, _ . - (at most 64), but got: ${describeGiven(value)}`,
      );
    }
    return `${name}=${quoteString(name, value)}`;
  });
  return `${path}(${pairs.join(',')})`;
}
