import { GraphError } from '../http/GraphError';
import type { EntityDef } from '../schema/EntityDef';
import type { PropertyDef } from '../schema/PropertyDef';

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
