import { GraphError } from '../http/GraphError';
import type { ComparisonOp, FilterLiteral, FilterNode } from './FilterNode';
import type { Token } from './Token';
import { tokenize } from './tokenize';

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
