import type { FilterExpression, ReportSpec } from '../graph/odata';
import { checkFirst, type ConnectionFetcher, type ConnectionResult, lazyEdge, pageInfoOf, type Reports } from './connections';
import type { KeyedReads } from './keyedReads';
import { anyKeyFilter, type KeyProperty } from './planner';

export interface UserLinkQuery {
  readonly spec: ReportSpec;
  /** The client's own filter on the linked report, without the user part. */
  readonly filter?: FilterExpression;
  readonly first?: number | null;
  readonly after?: string | null;
}

/**
 * Keyed reads as resolvers ask for them: a user's rows in a linked report, a row by key (entities, the
 * key translation). First pages come from the read planner (KeyedReads); a later page (`after`), or a key
 * the planner leaves to the per-key plan, is read on its own, and the cursors handed out resume on that
 * per-key request.
 */
export class Links {
  constructor(
    private readonly reports: Reports,
    private readonly connections: ConnectionFetcher,
    private readonly keyed: KeyedReads,
  ) {}

  async rowsOf<T>(userPrincipalName: string, query: UserLinkQuery, argumentPrefix: string): Promise<ConnectionResult<T>> {
    const perUser = {
      spec: query.spec,
      // The user's own request: its cursors resume on it, whichever plan served the first page.
      filter: anyKeyFilter('userPrincipalName', [userPrincipalName], query.filter),
      first: query.first,
      after: query.after,
    };
    this.reports.assertServed(query.spec);
    if (query.after != null) return this.reports.list<T>(perUser, argumentPrefix);
    const first = checkFirst(query.first, argumentPrefix);
    const rows = await this.keyed.load({ spec: query.spec, key: 'userPrincipalName', value: userPrincipalName, want: 'all', ...(query.filter ? { filter: query.filter } : {}) });
    if (rows === null) return this.reports.list<T>(perUser, argumentPrefix);
    const edges = (rows.slice(0, first) as T[]).map((node, i) => lazyEdge(node, () => this.connections.cursorAt(perUser, i + 1)));
    return { edges, nodes: edges.map((e) => e.node), pageInfo: pageInfoOf(edges, rows.length > first) };
  }

  /** A user's first row in a report keyed by principal name (a usage event's registration); none is `null`. */
  firstOf<T>(userPrincipalName: string, spec: ReportSpec): Promise<T | null> {
    return this.byKey<T>(spec, 'userPrincipalName', userPrincipalName);
  }

  /** The row of `spec` whose `key` is `value` (an entity, a directory row); none is `null`. */
  async byKey<T>(spec: ReportSpec, key: KeyProperty, value: string): Promise<T | null> {
    this.reports.assertServed(spec);
    const rows = await this.keyed.load({ spec, key, value, want: 'first' });
    if (rows !== null) return (rows[0] as T | undefined) ?? null;
    if (key === 'id' && spec.addressableById) return this.reports.byId<T>(spec, value);
    return this.reports.firstWhere<T>(spec, anyKeyFilter(key, [value], undefined));
  }
}
