import { createHash } from 'node:crypto';
import type { Config } from '../config';
import { BadUserInputError, ForbiddenError } from '../errors';
import { GraphHttpError } from '../graph/errors';
import { buildCreateRequest, buildGetByIdRequest, buildListRequest, isEntityId, isEntityKey, type FilterExpression, type OrderTerm, type ReportSpec } from '../graph/odata';
import type { GraphRequest } from '../graph/types';
import { parseGraphUrl, pathOf } from '../graph/urls';
import { type CursorCodec, CursorError, type CursorPayload } from './cursor';
import { listRows, readAllRows, type Upstream } from './upstream';

/** `first` when a client gives none, and the most it may ask for (more is refused, not clamped). */
export const pageLimits = { defaultFirst: 50, maxFirst: 1000 } as const;

/** What a list resolver asks for: a typed descriptor, never a URL. */
export interface ListQuery {
  readonly spec: ReportSpec;
  readonly filter?: FilterExpression;
  readonly orderBy?: readonly OrderTerm[];
  readonly functionParameters?: Readonly<Record<string, string>>;
  /** Rows per page; `pageLimits.defaultFirst` when the client gives none (or null). */
  readonly first?: number | null;
  readonly after?: string | null;
}

/** A Relay connection as the pager builds it; the GraphQL connection types resolve straight from it. */
export interface ConnectionResult<T> {
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly nodes: readonly T[];
  readonly pageInfo: PageInfo;
}

/**
 * The Relay connection spec's `PageInfo` in full (README, "Paging"). Paging is forward only, so there is
 * never a previous page to report: the spec allows `false` for `first`/`after` paging.
 */
export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: false;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

/**
 * A page's `PageInfo` from its edges; `resume` is the cursor to go on with when a page holds no edge but
 * is not the last (cut short by the page bound). Cursors are signed only when a client selects them.
 */
export function pageInfoOf(edges: readonly { readonly cursor: string }[], hasNextPage: boolean, resume: () => string | null = () => null): PageInfo {
  const first = edges[0];
  const last = edges[edges.length - 1];
  return {
    hasNextPage,
    hasPreviousPage: false,
    get startCursor() {
      return first ? first.cursor : null;
    },
    get endCursor() {
      return last ? last.cursor : resume();
    },
  };
}

/** `first` within the documented bounds (the default when absent), else BAD_USER_INPUT naming the argument. */
export function checkFirst(given: number | null | undefined, argumentPrefix = ''): number {
  const first = given ?? pageLimits.defaultFirst;
  if (!Number.isInteger(first) || first < 1 || first > pageLimits.maxFirst) {
    throw new BadUserInputError(
      `\`${argumentPrefix}first\` must be between 1 and ${pageLimits.maxFirst}, but got: ${first}`,
      `${argumentPrefix}first`,
    );
  }
  return first;
}

/**
 * An edge whose cursor is signed only if a client selects it: most pages are read as `nodes`, and an
 * HMAC per row is the largest cost the gateway adds to a list.
 */
export function lazyEdge<T>(node: T, cursor: () => string): { readonly cursor: string; readonly node: T } {
  let signed: string | undefined;
  return {
    node,
    get cursor() {
      signed ??= cursor();
      return signed;
    },
  };
}

interface Position {
  readonly url: string;
  readonly skip: number;
}

/**
 * Relay connections over Graph's server-driven paging. Graph has no `$skip`, so a cursor names the
 * upstream page that holds the next row (its URL, first request or `@odata.nextLink`) and how many of
 * its rows were already returned; a page is filled by following nextLinks, at most `maxPages` of them.
 */
export class ConnectionFetcher {
  constructor(
    private readonly upstream: Upstream,
    private readonly codec: CursorCodec,
    private readonly graphRoot: string,
    private readonly maxPages: number,
  ) {}

  async fetch<T>(query: ListQuery, argumentPrefix = ''): Promise<ConnectionResult<T>> {
    const first = checkFirst(query.first, argumentPrefix);
    const { initial, scope, expectedPath } = this.identify(query);
    let position: Position = { url: initial.url, skip: 0 };
    if (query.after != null) position = this.decode(query.after, query.spec.name, scope, expectedPath, argumentPrefix);

    const cursorOf = (p: Position): string =>
      this.codec.encode({ report: query.spec.name, scope, url: p.url, skip: p.skip } satisfies CursorPayload);
    const edges: { readonly cursor: string; readonly node: T }[] = [];
    let hasNextPage = false;
    let resume: Position | null = null;
    for (let pages = 0; ; pages++) {
      if (pages >= this.maxPages) {
        hasNextPage = true;
        resume = position;
        break;
      }
      const { rows, nextUrl } = await this.page<T>({ method: 'GET', version: query.spec.version, url: position.url }, expectedPath);
      const taken = rows.slice(position.skip, position.skip + first - edges.length);
      taken.forEach((node, i) => {
        const after = position.skip + i + 1;
        const next = after >= rows.length && nextUrl ? { url: nextUrl, skip: 0 } : { url: position.url, skip: after };
        edges.push(lazyEdge(node, () => cursorOf(next)));
      });
      const consumed = position.skip + taken.length;
      if (edges.length >= first) {
        hasNextPage = consumed < rows.length || nextUrl !== null;
        break;
      }
      if (nextUrl === null) break;
      position = { url: nextUrl, skip: 0 };
    }
    // A page cut short by the page bound still needs a way on, even when it holds no row.
    const stop = resume;
    return { edges, nodes: edges.map((e) => e.node), pageInfo: pageInfoOf(edges, hasNextPage, () => (stop ? cursorOf(stop) : null)) };
  }

  /**
   * The cursor that resumes `query` after `skip` rows of its first upstream page: what a page filled
   * some other way (a coalesced link) hands out, so the client can go on with this fetcher.
   */
  cursorAt(query: ListQuery, skip: number): string {
    const { initial, scope } = this.identify(query);
    return this.codec.encode({ report: query.spec.name, scope, url: initial.url, skip });
  }

  private identify(query: ListQuery): { initial: GraphRequest; scope: string; expectedPath: string } {
    const initial = buildListRequest(query.spec, {
      filter: query.filter,
      orderBy: query.orderBy,
      functionParameters: query.functionParameters,
      top: query.first ?? pageLimits.defaultFirst,
    });
    // The scope ties a cursor to this report, filter and order, but not to `first`, which may change between pages.
    const scope = createHash('sha256').update(`${query.spec.name}\n${withoutTop(initial.url)}`).digest('base64url').slice(0, 22);
    return { initial, scope, expectedPath: pathOf(initial.url) };
  }

  private decode(after: string, report: string, scope: string, expectedPath: string, prefix: string): Position {
    try {
      const payload = this.codec.decode(after, { report, scope });
      if (pathOf(payload.url) !== expectedPath) throw new CursorError('foreign');
      return { url: payload.url, skip: payload.skip };
    } catch (error) {
      if (!(error instanceof CursorError)) throw error;
      if (error.reason === 'expired') {
        throw new BadUserInputError(`\`${prefix}after\` must be a cursor issued within the last ${this.codec.ttlSeconds} s, but got one that has expired`, `${prefix}after`, error);
      }
      throw new BadUserInputError(
        `\`${prefix}after\` must be a cursor this gateway issued for the same field, filter and order, but got one that is ${error.reason}`,
        `${prefix}after`,
        error,
      );
    }
  }

  private async page<T>(request: GraphRequest, expectedPath: string): Promise<{ rows: T[]; nextUrl: string | null }> {
    const { rows, nextLink } = listRows(await this.upstream.load(request));
    const nextUrl = nextLink === null ? null : parseGraphUrl(this.graphRoot, request.version, nextLink, expectedPath);
    return { rows: rows as T[], nextUrl };
  }
}

function withoutTop(url: string): string {
  return url.replace(/([?&])\$top=\d+(&|$)/, (_m, lead: string, tail: string) => (tail ? lead : ''));
}

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
    /** `GRAPH_AUTH`: which permission type the gateway's upstream tokens carry. */
    private readonly graphAuth: Config['graph']['auth'],
  ) {}

  /**
   * Refuses, before any upstream call, a report that Graph does not serve to the gateway's kind of token
   * (README, "Permissions"): an app-only token would get Graph's 403 for it, after spending budget.
   */
  assertServed(spec: ReportSpec): void {
    const { delegated, application } = spec.permissions;
    if (this.graphAuth === 'app' && application === null) {
      throw new ForbiddenError(
        `Microsoft Graph does not serve \`${spec.name}\` to applications, so GRAPH_AUTH=app cannot read it; it works with GRAPH_AUTH=obo (delegated ${delegated}, on behalf of the caller)`,
      );
    }
  }

  list<T>(query: ListQuery, argumentPrefix?: string): Promise<ConnectionResult<T>> {
    this.assertServed(query.spec);
    return this.connections.fetch<T>(query, argumentPrefix);
  }

  /**
   * A whole small collection (the summary functions), following nextLinks up to the page bound. No
   * `$top`: Graph documents no query options on these functions beyond `$filter`.
   */
  async all<T>(spec: ReportSpec, options: { filter?: FilterExpression; functionParameters?: Parameters } = {}): Promise<T[]> {
    this.assertServed(spec);
    const { rows, complete } = await readAllRows(this.upstream, this.graphRoot, buildListRequest(spec, options), this.maxPages);
    // A summary cut short would be wrong rather than short, so it is an error, not a partial answer.
    if (!complete) throw new GraphHttpError('Graph paged a summary past the page bound', { graphCode: 'TooManyPages' });
    return rows as T[];
  }

  /** A function that answers one object (`usersRegisteredByFeature(...)`). */
  async single<T>(spec: ReportSpec, functionParameters: Parameters): Promise<T> {
    this.assertServed(spec);
    const response = await this.upstream.load(buildListRequest(spec, { functionParameters }));
    if (response.body === null || typeof response.body !== 'object') throw unexpectedShape(response.status, response.requestId);
    return response.body as T;
  }

  /** `GET collection/{id}`; an id upstream does not know is `null`, not an error. */
  async byId<T>(spec: ReportSpec, id: string): Promise<T | null> {
    this.assertServed(spec);
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
    this.assertServed(spec);
    const response = await this.upstream.load(buildListRequest(spec, { filter, top: 1 }));
    const rows = (response.body as { value?: unknown[] } | null)?.value;
    return Array.isArray(rows) && rows.length > 0 ? (rows[0] as T) : null;
  }

  /** A create (POST): sent alone, never retried, never cached. */
  async create<T>(spec: ReportSpec, body: Record<string, unknown>): Promise<T> {
    this.assertServed(spec);
    const response = await this.upstream.send(buildCreateRequest(spec, body));
    return response.body as T;
  }
}

function unexpectedShape(status: number, requestId: string | undefined): GraphHttpError {
  return new GraphHttpError('Graph answered in an unexpected shape', { httpStatus: status, graphCode: 'UnexpectedResponseShape', requestId });
}

/**
 * An entity id from a federation representation, or null when it cannot name an upstream entity (so the
 * entity resolves to null, with no upstream call, instead of failing the whole `_entities` call). The rule
 * is the one the graph layer enforces on every id it puts in a path (`isEntityId`).
 */
export function entityId(raw: unknown): string | null {
  return isEntityId(raw) ? raw : null;
}

/** A key compared in a filter (a principal name, which may hold `#` or `/`): `isEntityKey`, else null. */
export function entityKey(raw: unknown): string | null {
  return isEntityKey(raw) ? raw : null;
}
