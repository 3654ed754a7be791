import type { ConnectionFetcher } from '../connections/ConnectionFetcher';
import type { ConnectionResult } from '../connections/ConnectionResult';
import type { ListQuery } from '../connections/ListQuery';
import { GraphHttpError } from '../graph/errors/GraphHttpError';
import type { FilterExpression } from '../graph/odata/FilterExpression';
import { buildCreateRequest } from '../graph/odata/buildCreateRequest';
import { buildGetByIdRequest } from '../graph/odata/buildGetByIdRequest';
import { buildListRequest } from '../graph/odata/buildListRequest';
import type { ReportSpec } from '../graph/reports/ReportSpec';
import type { Upstream } from '../loaders/Upstream';
import { readAllRows } from './readAllRows';

type Parameters = Readonly<Record<string, string>>;

/**
 * What resolvers ask of upstream, per operation: typed descriptors in, upstream records out. Every
 * read goes through the operation's `Upstream`, so reads made in the same tick are de-duplicated and
 * leave together in `$batch` envelopes.
 */
export class Reports {
  constructor(
    private readonly upstream: Upstream,
    private readonly connections: ConnectionFetcher,
    private readonly graphRoot: string,
    private readonly maxPages: number,
  ) {}

  list<T>(query: ListQuery, argumentPrefix?: string): Promise<ConnectionResult<T>> {
    return this.connections.fetch<T>(query, argumentPrefix);
  }

  /**
   * A whole small collection (the summary functions), following nextLinks up to the page bound. No
   * `$top`: Graph documents no query options on these functions beyond `$filter`.
   */
  async all<T>(spec: ReportSpec, options: { filter?: FilterExpression; functionParameters?: Parameters } = {}): Promise<T[]> {
    const { rows, complete } = await readAllRows(this.upstream, this.graphRoot, buildListRequest(spec, options), this.maxPages);
    // A summary cut short would be wrong rather than short, so it is an error, not a partial answer.
    if (!complete) throw new GraphHttpError('Graph paged a summary past the page bound', { graphCode: 'TooManyPages' });
    return rows as T[];
  }

  /** A function that answers one object (`usersRegisteredByFeature(...)`). */
  async single<T>(spec: ReportSpec, functionParameters: Parameters): Promise<T> {
    const response = await this.upstream.load(buildListRequest(spec, { functionParameters }));
    if (response.body === null || typeof response.body !== 'object') throw unexpectedShape(response.status, response.requestId);
    return response.body as T;
  }

  /** `GET collection/{id}`; an id upstream does not know is `null`, not an error. */
  async byId<T>(spec: ReportSpec, id: string): Promise<T | null> {
    try {
      const response = await this.upstream.load(buildGetByIdRequest(spec, id));
      return response.body as T;
    } catch (error) {
      if (error instanceof GraphHttpError && error.details.httpStatus === 404) return null;
      throw error;
    }
  }

  /** The first row matching `filter` (a user's registration by principal name); none is `null`. */
  async firstWhere<T>(spec: ReportSpec, filter: FilterExpression): Promise<T | null> {
    const response = await this.upstream.load(buildListRequest(spec, { filter, top: 1 }));
    const rows = (response.body as { value?: unknown[] } | null)?.value;
    return Array.isArray(rows) && rows.length > 0 ? (rows[0] as T) : null;
  }

  /** A create (POST): sent alone, never retried, never cached. */
  async create<T>(spec: ReportSpec, body: Record<string, unknown>): Promise<T> {
    const response = await this.upstream.send(buildCreateRequest(spec, body));
    return response.body as T;
  }
}

function unexpectedShape(status: number, requestId: string | undefined): GraphHttpError {
  return new GraphHttpError('Graph answered in an unexpected shape', { httpStatus: status, graphCode: 'UnexpectedResponseShape', requestId });
}
