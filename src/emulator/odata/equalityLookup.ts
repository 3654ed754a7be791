import type { EntityDef } from '../schema/EntityDef';
import type { FilterNode } from './FilterNode';
import { findProperty } from './findProperty';

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
