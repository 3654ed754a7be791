import { GraphError } from '../http/GraphError';
import { graphEnums } from '../schema/graphEnums';
import type { PropertyDef } from '../schema/PropertyDef';
import type { ComparisonOp, FilterLiteral } from './FilterNode';
import { parseDateTime } from './parseDateTime';

function badLiteral(property: string, expected: string, literal: FilterLiteral): GraphError {
  const shown = 'value' in literal ? String(literal.value) : 'text' in literal ? literal.text : literal.kind;
  return new GraphError(400, 'BadRequest', `'${property}' must be compared with ${expected}, but got: ${shown}.`);
}

function ordered(op: ComparisonOp, a: number, b: number): boolean {
  switch (op) {
    case 'eq': return a === b;
    case 'ne': return a !== b;
    case 'gt': return a > b;
    case 'ge': return a >= b;
    case 'lt': return a < b;
    case 'le': return a <= b;
  }
}

function nullTest(op: ComparisonOp, def: PropertyDef, property: string, literal: FilterLiteral): (value: unknown) => boolean {
  if (!def.nullable || (op !== 'eq' && op !== 'ne')) throw badLiteral(property, 'a non-null value', literal);
  return op === 'eq' ? (value) => value === null || value === undefined : (value) => value !== null && value !== undefined;
}

/**
 * Compiles `<property> <op> <literal>` into a test of one stored value, after checking the literal's type
 * against the property: strings quoted (compared ignoring case, as the reports document), booleans bare,
 * enum members quoted or type-qualified, date-times unquoted ISO 8601, numbers bare.
 */
export function compileComparison(op: ComparisonOp, def: PropertyDef, property: string, literal: FilterLiteral): (value: unknown) => boolean {
  if (literal.kind === 'null') return nullTest(op, def, property, literal);
  switch (def.type) {
    case 'string':
    case 'stringCollection': {
      if (literal.kind !== 'string') throw badLiteral(property, 'a quoted string', literal);
      const expected = literal.value.toLowerCase();
      const equal = (value: unknown): boolean => typeof value === 'string' && value.toLowerCase() === expected;
      return op === 'eq' ? equal : (value) => !equal(value);
    }
    case 'boolean': {
      if (literal.kind !== 'boolean') throw badLiteral(property, 'true or false', literal);
      const expected = literal.value;
      return op === 'eq' ? (value) => value === expected : (value) => value !== expected;
    }
    case 'enum':
    case 'enumCollection': {
      const enumName = def.enumName ?? 'featureType';
      const members: readonly string[] = graphEnums[enumName];
      const qualified = literal.kind === 'enum' && literal.typeName !== `microsoft.graph.${enumName}` && literal.typeName !== enumName;
      if ((literal.kind !== 'string' && literal.kind !== 'enum') || qualified) throw badLiteral(property, `a member of ${enumName}`, literal);
      if (!members.includes(literal.value)) throw badLiteral(property, `a member of ${enumName}`, literal);
      const expected = literal.value;
      return op === 'eq' ? (value) => value === expected : (value) => value !== expected;
    }
    case 'dateTime': {
      const expected = literal.kind === 'dateTime' ? parseDateTime(literal.text) : null;
      if (expected === null) throw badLiteral(property, 'an unquoted ISO 8601 date-time with an offset', literal);
      return (value) => {
        const actual = typeof value === 'string' ? parseDateTime(value) : null;
        return actual !== null && ordered(op, actual, expected);
      };
    }
    case 'int32':
    case 'int64': {
      if (literal.kind !== 'number' || !/^-?\d+$/.test(literal.text)) throw badLiteral(property, 'an integer', literal);
      const expected = Number(literal.text);
      return (value) => typeof value === 'number' && ordered(op, value, expected);
    }
  }
}
