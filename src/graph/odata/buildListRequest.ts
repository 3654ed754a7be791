import type { GraphRequest } from '../GraphRequest';
import type { ReportSpec } from '../reports/ReportSpec';
import { compileFilter } from './compileFilter';
import { compileOrderBy } from './compileOrderBy';
import { describeGiven } from './describeGiven';
import type { FilterExpression, OrderTerm } from './FilterExpression';
import { functionCallPath } from './functionCallPath';
import { maxRelativeUrlLength } from './maxRelativeUrlLength';
import { ODataCompileError } from './ODataCompileError';
import { percentEncode } from './percentEncode';

/** Graph's largest `$top` for the credential reports. */
const MAX_TOP = 1000;

/**
 * A GET for one page of a report. The query options come in a fixed order ($filter, $orderby, $top),
 * each strictly percent-encoded, so one descriptor always yields byte-identical URLs: the URL is the
 * cache and dedup key downstream.
 */
export function buildListRequest(
  spec: ReportSpec,
  options: {
    readonly filter?: FilterExpression;
    readonly orderBy?: readonly OrderTerm[];
    readonly top?: number;
    readonly functionParameters?: Readonly<Record<string, string>>;
  },
): GraphRequest {
  const query: string[] = [];
  const filter = options.filter === undefined ? '' : compileFilter(spec, options.filter);
  if (filter !== '') query.push(`$filter=${percentEncode(filter)}`);
  const orderBy = options.orderBy === undefined ? '' : compileOrderBy(spec, options.orderBy);
  if (orderBy !== '') query.push(`$orderby=${percentEncode(orderBy)}`);
  if (options.top !== undefined) {
    if (!Number.isInteger(options.top) || options.top < 1 || options.top > MAX_TOP) {
      throw new ODataCompileError(
        '$top',
        `\`$top\` accepts an integer between 1 and ${MAX_TOP}, but got: ${describeGiven(options.top)}`,
      );
    }
    query.push(`$top=${options.top}`);
  }
  const path = functionCallPath(spec.path, options.functionParameters);
  const url = query.length === 0 ? path : `${path}?${query.join('&')}`;
  if (url.length > maxRelativeUrlLength) {
    throw new ODataCompileError(
      '$filter',
      `a request to ${spec.name} accepts at most ${maxRelativeUrlLength} URL characters, but the filter and order made ${url.length}; use fewer or shorter values`,
    );
  }
  return { method: 'GET', version: spec.version, url };
}
