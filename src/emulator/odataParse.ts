import type { EntityDef } from './entities';
import { GraphError } from './http';
import { findProperty } from './odataEval';

/** One lexical token of an OData expression; `pos` is its 0-based offset, for error messages. */
export type Token =
  | { readonly kind: 'identifier'; readonly text: string; readonly pos: number }
  /** A quoted string with `''` already collapsed to `'`. */
  | { readonly kind: 'string'; readonly value: string; readonly pos: number }
  | { readonly kind: 'number'; readonly text: string; readonly pos: number }
  /** An unquoted date/time, as written; checked when bound to a property. */
  | { readonly kind: 'dateTime'; readonly text: string; readonly pos: number }
  /** A type-qualified enum literal: `microsoft.graph.featureType'reset'`. */
  | { readonly kind: 'enum'; readonly typeName: string; readonly value: string; readonly pos: number }
  | { readonly kind: 'punctuation'; readonly text: '(' | ')' | ',' | ':' | '/'; readonly pos: number }
  | { readonly kind: 'end'; readonly pos: number };

/** A literal as written in `$filter`; typed against a property only when the filter is bound. */
export type FilterLiteral =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'dateTime'; readonly text: string }
  | { readonly kind: 'enum'; readonly typeName: string; readonly value: string };

export type ComparisonOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** The syntax tree of a `$filter`; `property` is a member name or a lambda variable. */
export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'compare'; readonly op: ComparisonOp; readonly property: string; readonly literal: FilterLiteral; readonly pos: number }
  | { readonly kind: 'call'; readonly name: string; readonly property: string; readonly literal: FilterLiteral; readonly pos: number }
  | {
      readonly kind: 'lambda';
      readonly op: 'any' | 'all';
      readonly collection: string;
      readonly variable: string;
      readonly body: FilterNode;
      readonly pos: number;
    };

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

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of an ISO 8601 date-time with an offset, or `null` when it is not one. */
export function parseDateTime(text: string): number | null {
  if (!ISO_DATE_TIME.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

const COMPARISONS: readonly ComparisonOp[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const UNSUPPORTED_OPERATORS = ['not', 'has', 'in', 'add', 'sub', 'mul', 'div', 'mod'];

function describe(token: Token): string {
  switch (token.kind) {
    case 'end': return 'the end of the expression';
    case 'string': return `'${token.value}'`;
    case 'enum': return `${token.typeName}'${token.value}'`;
    default: return `'${token.text}'`;
  }
}

/**
 * A recursive-descent parser for the `$filter` subset the reports accept: comparisons of a property with
 * a literal, `startswith(prop,'x')`, `collection/any(t: …)`, `and`, `or` (`and` binds tighter) and
 * parentheses. It checks syntax only; whether a property may be filtered so is decided when binding.
 */
class FilterParser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FilterNode {
    const node = this.parseOr();
    this.expectEnd();
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index] ?? { kind: 'end', pos: 0 };
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.index++;
    return token;
  }

  private fail(token: Token, expected: string): never {
    throw new GraphError(400, 'BadRequest', `Syntax error in $filter at position ${token.pos}: expected ${expected} but found ${describe(token)}.`);
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === 'identifier' && token.text.toLowerCase() === keyword;
  }

  private expectPunctuation(text: string): void {
    const token = this.next();
    if (token.kind !== 'punctuation' || token.text !== text) this.fail(token, `'${text}'`);
  }

  private expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') this.fail(token, "'and', 'or' or the end of the expression");
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword(this.peek(), 'or')) {
      this.next();
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parsePrimary();
    while (this.isKeyword(this.peek(), 'and')) {
      this.next();
      left = { kind: 'and', left, right: this.parsePrimary() };
    }
    return left;
  }

  private parsePrimary(): FilterNode {
    const token = this.next();
    if (token.kind === 'punctuation' && token.text === '(') {
      const inner = this.parseOr();
      this.expectPunctuation(')');
      return inner;
    }
    if (token.kind !== 'identifier') return this.fail(token, 'a property, a function or \'(\'');
    const lower = token.text.toLowerCase();
    if (UNSUPPORTED_OPERATORS.includes(lower)) {
      throw new GraphError(400, 'Request_UnsupportedQuery', `The operator '${token.text}' is not supported in $filter on this report.`);
    }
    const after = this.peek();
    if (after.kind === 'punctuation' && after.text === '(') return this.parseCall(token.text, token.pos);
    if (after.kind === 'punctuation' && after.text === '/') return this.parseLambda(token.text, token.pos);
    return this.parseComparison(token.text, token.pos);
  }

  private parseComparison(property: string, pos: number): FilterNode {
    const operator = this.next();
    const op = operator.kind === 'identifier' ? (operator.text.toLowerCase() as ComparisonOp) : undefined;
    if (op === undefined || !COMPARISONS.includes(op)) {
      if (operator.kind === 'identifier' && UNSUPPORTED_OPERATORS.includes(operator.text.toLowerCase())) {
        throw new GraphError(400, 'Request_UnsupportedQuery', `The operator '${operator.text}' is not supported in $filter on this report.`);
      }
      return this.fail(operator, 'a comparison operator (eq, ne, gt, ge, lt, le)');
    }
    return { kind: 'compare', op, property, literal: this.parseLiteral(), pos };
  }

  private parseCall(name: string, pos: number): FilterNode {
    this.expectPunctuation('(');
    const argument = this.next();
    if (argument.kind !== 'identifier') return this.fail(argument, 'a property name');
    this.expectPunctuation(',');
    const literal = this.parseLiteral();
    this.expectPunctuation(')');
    return { kind: 'call', name: name.toLowerCase(), property: argument.text, literal, pos };
  }

  private parseLambda(collection: string, pos: number): FilterNode {
    this.expectPunctuation('/');
    const operator = this.next();
    const op = operator.kind === 'identifier' ? operator.text.toLowerCase() : '';
    if (op !== 'any' && op !== 'all') {
      throw new GraphError(400, 'Request_UnsupportedQuery', `Navigation into '${collection}' is not supported in $filter; only '${collection}/any(…)' is.`);
    }
    this.expectPunctuation('(');
    const variable = this.next();
    if (variable.kind !== 'identifier') return this.fail(variable, 'a lambda variable');
    this.expectPunctuation(':');
    const body = this.parseOr();
    this.expectPunctuation(')');
    return { kind: 'lambda', op, collection, variable: variable.text, body, pos };
  }

  private parseLiteral(): FilterLiteral {
    const token = this.next();
    switch (token.kind) {
      case 'string': return { kind: 'string', value: token.value };
      case 'number': return { kind: 'number', text: token.text };
      case 'dateTime': return { kind: 'dateTime', text: token.text };
      case 'enum': return { kind: 'enum', typeName: token.typeName, value: token.value };
      case 'identifier': {
        const lower = token.text.toLowerCase();
        if (lower === 'true' || lower === 'false') return { kind: 'boolean', value: lower === 'true' };
        if (lower === 'null') return { kind: 'null' };
        throw new GraphError(400, 'Request_UnsupportedQuery', `Only a literal may follow a comparison in $filter, but got: ${token.text}.`);
      }
      default: return this.fail(token, 'a literal');
    }
  }
}

/** Parses a decoded `$filter` value into a syntax tree, or throws a 400 `GraphError`. */
export function parseFilter(text: string): FilterNode {
  if (text.trim() === '') throw new GraphError(400, 'BadRequest', 'The $filter query option must not be empty.');
  return new FilterParser(tokenize(text, '$filter')).parse();
}

type Row = Readonly<Record<string, unknown>>;

/** Sort key of one value: strings ignore case, dates by instant, null first (OData puts null lowest). */
function key(value: unknown, type: string): string | number | null {
  if (value === null || value === undefined) return null;
  if (type === 'dateTime' && typeof value === 'string') return parseDateTime(value) ?? value;
  if (typeof value === 'string') return value.toLowerCase();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return typeof value === 'number' ? value : String(value);
}

function compareKeys(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * Parses `$orderby` (`prop [asc|desc], …`) against the entity's orderable properties and returns a
 * comparator; ties keep the stored order (the sort is stable).
 */
export function parseOrderBy(text: string, entity: EntityDef): (a: Row, b: Row) => number {
  const tokens = tokenize(text, '$orderby');
  const terms: { name: string; type: string; sign: number }[] = [];
  let index = 0;
  for (;;) {
    const property = tokens[index++];
    if (property?.kind !== 'identifier') {
      throw new GraphError(400, 'BadRequest', `Syntax error in $orderby at position ${property?.pos ?? 0}: expected a property name.`);
    }
    const { name, def } = findProperty(entity, property.text, '$orderby');
    if (!def.orderable) throw new GraphError(400, 'Request_UnsupportedQuery', `Ordering by '${name}' is not supported by this report.`);
    let sign = 1;
    const direction = tokens[index];
    if (direction?.kind === 'identifier' && /^(asc|desc)$/i.test(direction.text)) {
      sign = direction.text.toLowerCase() === 'desc' ? -1 : 1;
      index++;
    }
    terms.push({ name, type: def.type, sign });
    const separator = tokens[index++];
    if (separator?.kind === 'end') break;
    if (separator?.kind !== 'punctuation' || separator.text !== ',') {
      throw new GraphError(400, 'BadRequest', `Syntax error in $orderby at position ${separator?.pos ?? 0}: expected ',' or the end.`);
    }
  }
  return (a, b) => {
    for (const term of terms) {
      const order = compareKeys(key(a[term.name], term.type), key(b[term.name], term.type));
      if (order !== 0) return order * term.sign;
    }
    return 0;
  };
}

/** `$select=a,b`: the canonical names of the selected properties, in the entity's order. */
export function parseSelect(text: string, entity: EntityDef): string[] {
  const tokens = tokenize(text, '$select');
  const chosen = new Set<string>();
  for (let index = 0; ; index += 2) {
    const property = tokens[index];
    if (property?.kind !== 'identifier') {
      throw new GraphError(400, 'BadRequest', `Syntax error in $select at position ${property?.pos ?? 0}: expected a property name.`);
    }
    chosen.add(findProperty(entity, property.text, '$select').name);
    const separator = tokens[index + 1];
    if (separator?.kind === 'end') break;
    if (separator?.kind !== 'punctuation' || separator.text !== ',') {
      throw new GraphError(400, 'BadRequest', `Syntax error in $select at position ${separator?.pos ?? 0}: expected ',' or the end.`);
    }
  }
  return Object.keys(entity.properties).filter((name) => chosen.has(name));
}

/** `$top` as a page size: a positive integer; the server caps it, so large values are not an error. */
export function parseTop(text: string): number {
  const top = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(top >= 1)) throw new GraphError(400, 'BadRequest', `$top must be a positive integer, but got: ${text}.`);
  return top;
}
