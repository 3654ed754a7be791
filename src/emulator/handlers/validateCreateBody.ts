import { GraphError } from '../http/GraphError';
import type { EntityDef } from '../schema/EntityDef';
import { graphEnums } from '../schema/graphEnums';
import type { PropertyDef } from '../schema/PropertyDef';
import { parseDateTime } from '../odata/parseDateTime';

function invalid(message: string): GraphError {
  return new GraphError(400, 'BadRequest', message);
}

function checkValue(name: string, def: PropertyDef, value: unknown): void {
  if (value === null) {
    if (def.nullable) return;
    throw invalid(`'${name}' must not be null.`);
  }
  const isMember = (item: unknown): boolean => typeof item === 'string' && (graphEnums[def.enumName ?? 'featureType'] as readonly string[]).includes(item);
  switch (def.type) {
    case 'string':
      if (typeof value !== 'string') throw invalid(`'${name}' must be a string, but got: ${JSON.stringify(value)}.`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalid(`'${name}' must be true or false, but got: ${JSON.stringify(value)}.`);
      return;
    case 'int32':
    case 'int64':
      if (!Number.isSafeInteger(value)) throw invalid(`'${name}' must be an integer, but got: ${JSON.stringify(value)}.`);
      return;
    case 'dateTime':
      if (typeof value !== 'string' || parseDateTime(value) === null) {
        throw invalid(`'${name}' must be an ISO 8601 date-time with an offset, but got: ${JSON.stringify(value)}.`);
      }
      return;
    case 'enum':
      if (!isMember(value)) throw invalid(`'${name}' must be a member of ${def.enumName ?? ''}, but got: ${JSON.stringify(value)}.`);
      return;
    case 'enumCollection':
      if (!Array.isArray(value) || !value.every(isMember)) {
        throw invalid(`'${name}' must be a list of ${def.enumName ?? ''} members, but got: ${JSON.stringify(value)}.`);
      }
      return;
    case 'stringCollection':
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        throw invalid(`'${name}' must be a list of strings, but got: ${JSON.stringify(value)}.`);
      }
  }
}

/**
 * Checks a POST body against the entity: an object, every required property present, every property
 * known and of its declared type. Returns the row to store, in the entity's property order, absent
 * optional properties as null; `id` is the server's to assign.
 */
export function validateCreateBody(entity: EntityDef, body: unknown, id: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid(`The request body must be a JSON object describing a ${entity.name}.`);
  const input = body as Record<string, unknown>;
  for (const name of Object.keys(input)) {
    if (name === 'id' || name.startsWith('@odata.')) continue;
    if (entity.properties[name] === undefined) throw invalid(`'${name}' is not a property of ${entity.name}.`);
  }
  const missing = (entity.required ?? []).filter((name) => input[name] === undefined);
  if (missing.length > 0) throw invalid(`A ${entity.name} needs ${missing.join(', ')}, but the body lacks them.`);
  const row: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(entity.properties)) {
    if (name === 'id') {
      row['id'] = id;
      continue;
    }
    const value = input[name];
    if (value === undefined) {
      row[name] = def.type.endsWith('Collection') ? [] : null;
      continue;
    }
    checkValue(name, def, value);
    row[name] = value;
  }
  return row;
}
