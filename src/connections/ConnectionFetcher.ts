import { createHash } from 'node:crypto';
import { BadUserInputError } from '../errors/BadUserInputError';
import type { GraphRequest } from '../graph/GraphRequest';
import { buildListRequest } from '../graph/odata/buildListRequest';
import { parseGraphUrl } from '../graph/odata/parseGraphUrl';
import type { Upstream } from '../loaders/Upstream';
import { listRows } from '../reports/listRows';
import type { ConnectionResult } from './ConnectionResult';
import type { CursorCodec } from './CursorCodec';
import { CursorError } from './CursorError';
import type { CursorPayload } from './CursorPayload';
import type { ListQuery } from './ListQuery';
import { checkFirst } from './checkFirst';
import { lazyEdge } from './lazyEdge';

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
    const last = edges[edges.length - 1];
    const stop = resume;
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: {
        hasNextPage,
        get endCursor() {
          return last ? last.cursor : stop ? cursorOf(stop) : null;
        },
      },
    };
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
      top: query.first,
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

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

function withoutTop(url: string): string {
  return url.replace(/([?&])\$top=\d+(&|$)/, (_m, lead: string, tail: string) => (tail ? lead : ''));
}
