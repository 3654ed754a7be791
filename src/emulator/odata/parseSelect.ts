import { GraphError } from '../http/GraphError';
import type { EntityDef } from '../schema/EntityDef';
import { findProperty } from './findProperty';
import { tokenize } from './tokenize';

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
