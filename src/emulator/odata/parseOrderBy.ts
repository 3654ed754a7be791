import { GraphError } from '../http/GraphError';
import type { EntityDef } from '../schema/EntityDef';
import { findProperty } from './findProperty';
import { parseDateTime } from './parseDateTime';
import { tokenize } from './tokenize';

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
