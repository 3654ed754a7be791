import type { CollectionDef } from '../collections/CollectionDef';
import { GraphError } from '../http/GraphError';
import { readQueryOptions } from '../http/readQueryOptions';
import { serializeRow } from '../http/serializeRow';
import { bindFilter } from '../odata/bindFilter';
import { equalityLookup } from '../odata/equalityLookup';
import { parseFilter } from '../odata/parseFilter';
import { parseOrderBy } from '../odata/parseOrderBy';
import { parseSelect } from '../odata/parseSelect';
import { parseTop } from '../odata/parseTop';
import { buildNextLink } from '../paging/buildNextLink';
import { SkipTokenCodec } from '../paging/SkipTokenCodec';
import { contextUrl } from './contextUrl';
import type { Handler } from './Handler';
import { jsonResponse } from './jsonResponse';

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
