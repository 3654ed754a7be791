import { type EntityDef, graphEnums, type PropertyDef } from './entities';
import { GraphError } from './http';
import { type ComparisonOp, type FilterLiteral, type FilterNode, parseDateTime } from './odataParse';

/**
 * Looks a property up by name, ignoring case as Graph does, and returns its canonical spelling.
 * `option` names the query option in the error, e.g. `$filter`.
 */
export function findProperty(entity: EntityDef, name: string, option: string): { name: string; def: PropertyDef } {
  const exact = entity.properties[name];
  if (exact) return { name, def: exact };
  const lower = name.toLowerCase();
  for (const [candidate, def] of Object.entries(entity.properties)) {
    if (candidate.toLowerCase() === lower) return { name: candidate, def };
  }
  throw new GraphError(400, 'BadRequest', `${option} names '${name}', which is not a property of ${entity.name}.`);
}

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

/** Values one string property must equal (ignoring case) for a row to possibly match. */
interface Lookup {
  readonly property: string;
  readonly values: readonly string[];
}

/**
 * Finds, in a bound-to-be-valid filter, an equality on a string property that every match must satisfy:
 * `p eq 'x'`, either side of an `and`, or an `or` of such equalities on the same property (what a
 * coalescing client sends). The caller narrows rows through an index with it, then still applies the
 * full filter; null when the filter has no such part.
 */
export function equalityLookup(node: FilterNode, entity: EntityDef): Lookup | null {
  switch (node.kind) {
    case 'compare': {
      if (node.op !== 'eq' || node.literal.kind !== 'string') return null;
      const { name, def } = findProperty(entity, node.property, '$filter');
      return def.type === 'string' ? { property: name, values: [node.literal.value.toLowerCase()] } : null;
    }
    case 'and':
      return equalityLookup(node.left, entity) ?? equalityLookup(node.right, entity);
    case 'or': {
      const left = equalityLookup(node.left, entity);
      const right = equalityLookup(node.right, entity);
      if (left === null || right === null || left.property !== right.property) return null;
      return { property: left.property, values: [...left.values, ...right.values] };
    }
    default:
      return null;
  }
}

/** A row as served: property name to JSON value. */
type Row = Readonly<Record<string, unknown>>;
type RowPredicate = (row: Row) => boolean;

function unsupported(message: string): GraphError {
  return new GraphError(400, 'Request_UnsupportedQuery', message);
}

function allows(def: PropertyDef, operator: string): boolean {
  return def.filter?.includes(operator as never) ?? false;
}

/** Inside `coll/any(t: …)`: the variable's element type, the only thing the body may refer to. */
interface LambdaScope {
  readonly variable: string;
  readonly collection: string;
  readonly element: PropertyDef;
}

function bind(node: FilterNode, entity: EntityDef, scope: LambdaScope | null): (value: Row | unknown) => boolean {
  switch (node.kind) {
    case 'and': {
      const left = bind(node.left, entity, scope);
      const right = bind(node.right, entity, scope);
      return (row) => left(row) && right(row);
    }
    case 'or': {
      const left = bind(node.left, entity, scope);
      const right = bind(node.right, entity, scope);
      return (row) => left(row) || right(row);
    }
    case 'compare': {
      if (scope !== null) {
        if (node.property !== scope.variable) {
          throw unsupported(`Inside ${scope.collection}/any(…) only '${scope.variable}' may be compared, but got: ${node.property}.`);
        }
        if (node.op !== 'eq') throw unsupported(`Inside ${scope.collection}/any(…) only 'eq' is supported, but got: ${node.op}.`);
        return compileComparison(node.op, scope.element, scope.collection, node.literal);
      }
      const { name, def } = findProperty(entity, node.property, '$filter');
      if (!allows(def, node.op)) throw unsupported(`The operator '${node.op}' is not supported on '${name}' by this report.`);
      const test = compileComparison(node.op, def, name, node.literal);
      return (row) => test((row as Row)[name]);
    }
    case 'call': {
      if (node.name !== 'startswith') throw unsupported(`The function '${node.name}' is not supported in $filter on this report.`);
      if (scope !== null) throw unsupported(`startswith is not supported inside ${scope.collection}/any(…).`);
      const { name, def } = findProperty(entity, node.property, '$filter');
      if (!allows(def, 'startswith')) throw unsupported(`startswith is not supported on '${name}' by this report.`);
      if (node.literal.kind !== 'string') throw new GraphError(400, 'BadRequest', `startswith on '${name}' needs a string literal.`);
      const prefix = node.literal.value.toLowerCase();
      return (row) => {
        const value = (row as Row)[name];
        return typeof value === 'string' && value.toLowerCase().startsWith(prefix);
      };
    }
    case 'lambda': {
      if (scope !== null) throw unsupported('Nested lambda expressions are not supported in $filter.');
      const { name, def } = findProperty(entity, node.collection, '$filter');
      if (node.op !== 'any') throw unsupported(`'${name}/all(…)' is not supported by this report; use any.`);
      if (!allows(def, 'any')) throw unsupported(`'${name}/any(…)' is not supported by this report.`);
      const element: PropertyDef = def.type === 'enumCollection' ? { type: 'enum', enumName: def.enumName } : { type: 'string' };
      const test = bind(node.body, entity, { variable: node.variable, collection: name, element });
      return (row) => {
        const items = (row as Row)[name];
        return Array.isArray(items) && items.some((item) => test(item));
      };
    }
  }
}

/**
 * Checks a parsed `$filter` against what the entity documents (properties, operators, literal types)
 * and compiles it into a predicate over served rows. Unsupported parts answer 400
 * `Request_UnsupportedQuery`, malformed literals 400 `BadRequest`.
 */
export function bindFilter(node: FilterNode, entity: EntityDef): RowPredicate {
  return bind(node, entity, null) as RowPredicate;
}
