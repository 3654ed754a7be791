import { GraphError } from '../http/GraphError';

/** A path segment: its name, and what its parentheses held, if any. */
interface Segment {
  readonly name: string;
  /** Function parameters, `name='value'` pairs; null without parentheses. */
  readonly args: Readonly<Record<string, string>> | null;
  /** An entity key written as `collection('id')`. */
  readonly key: string | null;
}

function invalid(segment: string, what: string): GraphError {
  return new GraphError(400, 'BadRequest', `The path segment '${segment}' is malformed: ${what}.`);
}

/** Reads `'…'` (with `''` for a quote) or a bare value up to the next comma. */
function readValue(text: string, start: number, segment: string): { value: string; end: number } {
  if (text[start] !== "'") {
    const comma = text.indexOf(',', start);
    const end = comma < 0 ? text.length : comma;
    return { value: text.slice(start, end).trim(), end };
  }
  let value = '';
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf("'", i);
    if (quote < 0) throw invalid(segment, 'a quoted value is not closed');
    value += text.slice(i, quote);
    if (text[quote + 1] !== "'") return { value, end: quote + 1 };
    value += "'";
    i = quote + 2;
  }
}

function parseArgs(inner: string, segment: string): Record<string, string> {
  const args: Record<string, string> = {};
  let pos = 0;
  while (pos < inner.length) {
    const name = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/.exec(inner.slice(pos));
    if (name === null || name[1] === undefined) throw invalid(segment, 'expected name=value');
    if (name[1] in args) throw invalid(segment, `the parameter '${name[1]}' is given twice`);
    const { value, end } = readValue(inner, pos + name[0].length, segment);
    args[name[1]] = value;
    pos = end;
    const rest = /^\s*(,|$)/.exec(inner.slice(pos));
    if (rest === null) throw invalid(segment, "expected ',' between parameters");
    pos += rest[0].length;
  }
  return args;
}

/** Splits `getCredentialUsageSummary(period='D30')` or `credentialUserRegistrationDetails('id')`. */
export function parseSegment(segment: string): Segment {
  const open = segment.indexOf('(');
  if (open < 0) return { name: segment, args: null, key: null };
  if (!segment.endsWith(')')) throw invalid(segment, "the parentheses are not closed");
  const name = segment.slice(0, open);
  const inner = segment.slice(open + 1, -1).trim();
  if (inner !== '' && !/^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(inner)) {
    return { name, args: null, key: readValue(inner, 0, segment).value };
  }
  return { name, args: parseArgs(inner, segment), key: null };
}
