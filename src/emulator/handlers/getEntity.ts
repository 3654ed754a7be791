import type { CollectionDef } from '../collections/CollectionDef';
import { GraphError } from '../http/GraphError';
import { readQueryOptions } from '../http/readQueryOptions';
import { serializeRow } from '../http/serializeRow';
import { parseSelect } from '../odata/parseSelect';
import { contextUrl } from './contextUrl';
import type { Handler } from './Handler';
import { jsonResponse } from './jsonResponse';

/** `GET <collection>/{id}`: the entity, or 404 `Request_ResourceNotFound`. Ids compare ignoring case. */
export function getEntity(collection: CollectionDef): Handler {
  return (context) => {
    const options = readQueryOptions(context.unit, ['$select']);
    const select = options.has('$select') ? parseSelect(options.get('$select') ?? '', collection.entity) : null;
    const rows = collection.rows(context.state.data);
    const position = context.state.equalityIndex(collection.name, 'id', rows).get((context.key ?? '').toLowerCase())?.[0];
    const row = position === undefined ? undefined : rows[position];
    if (row === undefined) {
      throw new GraphError(404, 'Request_ResourceNotFound', `No ${collection.entity.name} has the id '${context.key ?? ''}'.`);
    }
    const body = {
      '@odata.context': contextUrl(context, `${collection.contextPath}/$entity`),
      ...serializeRow(row, collection.entity, { version: context.version, includeUnknown: context.includeUnknown, select }),
    };
    return jsonResponse(context, 200, body);
  };
}
