import { GraphError } from '../http/GraphError';
import type { Token } from './Token';

const DATE_TIME = /\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?/y;
const NUMBER = /-?\d+(?:\.\d+)?/y;
const IDENTIFIER = /[A-Za-z_$][A-Za-z0-9_.]*/y;

function syntaxError(option: string, pos: number, what: string): GraphError {
  return new GraphError(400, 'BadRequest', `Syntax error in ${option} at position ${pos}: ${what}.`);
}

/** Reads a quoted literal starting at `start` (the opening quote); `''` stands for one quote. */
function readString(text: string, start: number, option: string): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const quote = text.indexOf("'", i);
    if (quote < 0) throw syntaxError(option, start, 'the string literal is not closed');
    value += text.slice(i, quote);
    if (text[quote + 1] !== "'") return { value, end: quote + 1 };
    value += "'";
    i = quote + 2;
  }
}

function match(pattern: RegExp, text: string, pos: number): string | null {
  pattern.lastIndex = pos;
  return pattern.exec(text)?.[0] ?? null;
}

/** Splits an already percent-decoded OData expression (`$filter`, `$orderby`, `$select`) into tokens. */
export function tokenize(text: string, option: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (/\s/.test(ch)) {
      pos++;
    } else if (ch === "'") {
      const { value, end } = readString(text, pos, option);
      tokens.push({ kind: 'string', value, pos });
      pos = end;
    } else if (ch === '(' || ch === ')' || ch === ',' || ch === ':' || ch === '/') {
      tokens.push({ kind: 'punctuation', text: ch, pos });
      pos++;
    } else if (/[0-9-]/.test(ch)) {
      const dateTime = match(DATE_TIME, text, pos);
      const number = dateTime === null ? match(NUMBER, text, pos) : null;
      if (dateTime !== null) tokens.push({ kind: 'dateTime', text: dateTime, pos });
      else if (number !== null) tokens.push({ kind: 'number', text: number, pos });
      else throw syntaxError(option, pos, `unexpected character '${ch}'`);
      pos += (dateTime ?? number ?? '').length;
    } else {
      const identifier = match(IDENTIFIER, text, pos);
      if (identifier === null) throw syntaxError(option, pos, `unexpected character '${ch}'`);
      if (text[pos + identifier.length] === "'") {
        const { value, end } = readString(text, pos + identifier.length, option);
        tokens.push({ kind: 'enum', typeName: identifier, value, pos });
        pos = end;
      } else {
        tokens.push({ kind: 'identifier', text: identifier, pos });
        pos += identifier.length;
      }
    }
  }
  tokens.push({ kind: 'end', pos });
  return tokens;
}
