import type { OrderTerm } from '../graph/odata/FilterExpression';

/** GraphQL order inputs already carry upstream property names and directions (enum internal values). */
export function orderTerms(order: readonly { field: string; direction?: string | null }[] | null | undefined): OrderTerm[] | undefined {
  if (!order || order.length === 0) return undefined;
  return order.map((o) => ({ property: o.field, direction: o.direction === 'desc' ? 'desc' : 'asc' }));
}
