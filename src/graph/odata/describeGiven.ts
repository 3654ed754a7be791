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
