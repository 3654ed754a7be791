import { GraphError } from '../http/GraphError';
import type { EntityDef } from '../schema/EntityDef';
import type { PropertyDef } from '../schema/PropertyDef';
import { compileComparison } from './compileComparison';
import type { FilterNode } from './FilterNode';
import { findProperty } from './findProperty';

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
