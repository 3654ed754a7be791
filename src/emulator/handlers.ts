import { type CollectionDef, type EntityDef, graphEnums, type PropertyDef } from './entities';
import { GraphError, readQueryOptions, serializeRow, type UnitResponse } from './http';
import { bindFilter, equalityLookup } from './odataEval';
import { parseDateTime, parseFilter, parseOrderBy, parseSelect, parseTop } from './odataParse';
import { buildNextLink, SkipTokenCodec } from './paging';
import type { Handler, HandlerContext } from './routes';

/** A JSON answer; notes in `Preference-Applied` that evolvable enum members were included. */
export function jsonResponse(context: HandlerContext, status: number, body: unknown, headers: Record<string, string> = {}): UnitResponse {
  const applied: Record<string, string> = context.includeUnknown ? { 'preference-applied': 'include-unknown-enum-members' } : {};
  return { status, headers: { ...applied, ...headers }, body };
}

/** `@odata.context` for a fragment, on this server's root and the request's version. */
export function contextUrl(context: HandlerContext, fragment: string): string {
  return `${context.unit.baseUrl}/${context.version}/$metadata#${fragment}`;
}

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
 * optional properties as Graph stores them; `id` is the server's to assign.
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
      // What Graph stores for an omitted property: an empty collection, null where its metadata allows
      // null, else an empty string (failureReason, non-null in Graph, is "" on a successful event).
      row[name] = def.type.endsWith('Collection') ? [] : def.nullable === true || def.type !== 'string' ? null : '';
      continue;
    }
    checkValue(name, def, value);
    row[name] = value;
  }
  return row;
}

type Row = Readonly<Record<string, unknown>>;

const OPTIONS = ['$filter', '$orderby', '$top', '$select', '$skiptoken'];

/**
 * `GET <collection>`: `$filter`, `$orderby`, `$select`, then server-driven paging. A page holds
 * min($top, maxPageSize) rows, or exactly maxPageSize when the emulator ignores `$top`; `$top` is a page
 * size, as on Graph's report collections, so following `@odata.nextLink` walks every matching row.
 */
export function listCollection(collection: CollectionDef): Handler {
  const allowed = collection.fullOData ? [...OPTIONS, '$count'] : OPTIONS;
  return (context) => {
    const { state, unit, version } = context;
    const options = readQueryOptions(unit, allowed);
    const filterText = options.get('$filter');
    const orderText = options.get('$orderby');
    const filter = filterText === undefined ? null : parseFilter(filterText);
    const predicate = filter === null ? null : bindFilter(filter, collection.entity);
    const lookup = filter === null ? null : equalityLookup(filter, collection.entity);
    const comparator = orderText === undefined ? null : parseOrderBy(orderText, collection.entity);
    const select = options.has('$select') ? parseSelect(options.get('$select') ?? '', collection.entity) : null;
    const top = options.has('$top') ? parseTop(options.get('$top') ?? '') : undefined;
    const count = options.get('$count');
    if (count !== undefined && count !== 'true' && count !== 'false') {
      throw new GraphError(400, 'BadRequest', `$count must be true or false, but got: ${count}.`);
    }
    const signature = SkipTokenCodec.querySignature([collection.name, version, filterText, orderText, options.get('$select'), top, count]);
    const token = options.get('$skiptoken');
    const offset = token === undefined ? 0 : state.skipTokens.decode(token, signature);
    const rows = state.cachedRows(`${collection.name}\u0000${filterText}\u0000${orderText}`, () => {
      const all = collection.rows(state.data) as Row[];
      if (predicate === null && comparator === null) return all;
      let candidates = all;
      if (lookup !== null) {
        const index = state.equalityIndex(collection.name, lookup.property, all);
        const positions = [...new Set(lookup.values.flatMap((value) => index.get(value) ?? []))].sort((a, b) => a - b);
        candidates = positions.map((position) => all[position] as Row);
      }
      const matching = predicate === null ? candidates.slice() : candidates.filter(predicate);
      return comparator === null ? matching : matching.sort(comparator);
    });
    const pageSize = state.ignoreTop ? state.maxPageSize : Math.min(top ?? state.maxPageSize, state.maxPageSize);
    const page = rows.slice(offset, offset + pageSize);
    const serve = { version, includeUnknown: context.includeUnknown, select };
    const body: Record<string, unknown> = { '@odata.context': contextUrl(context, collection.contextPath) };
    if (count === 'true') body['@odata.count'] = rows.length;
    if (offset + pageSize < rows.length) {
      body['@odata.nextLink'] = buildNextLink(unit, version, state.skipTokens.encode(offset + pageSize, signature));
    }
    body['value'] = page.map((row) => serializeRow(row, collection.entity, serve));
    return jsonResponse(context, 200, body);
  };
}

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
