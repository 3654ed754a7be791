import type { CollectionDef } from '../collections/CollectionDef';
import { readQueryOptions } from '../http/readQueryOptions';
import { serializeRow } from '../http/serializeRow';
import { contextUrl } from './contextUrl';
import type { Handler } from './Handler';
import { jsonResponse } from './jsonResponse';
import { validateCreateBody } from './validateCreateBody';

/** `POST <collection>`: 201 with the stored entity and a fresh id; later GETs see it. */
export function createEntity(collection: CollectionDef): Handler {
  return (context) => {
    readQueryOptions(context.unit, []);
    const row = validateCreateBody(collection.entity, context.unit.body, context.state.newId());
    collection.rows(context.state.data).push(row);
    context.state.touch();
    const location = `${context.unit.baseUrl}/${context.version}/${collection.contextPath}/${String(row['id'])}`;
    const body = {
      '@odata.context': contextUrl(context, `${collection.contextPath}/$entity`),
      ...serializeRow(row, collection.entity, { version: context.version, includeUnknown: context.includeUnknown, select: null }),
    };
    return jsonResponse(context, 201, body, { location });
  };
}
