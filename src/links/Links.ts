import type { ConnectionFetcher } from '../connections/ConnectionFetcher';
import type { ConnectionResult } from '../connections/ConnectionResult';
import { checkFirst } from '../connections/checkFirst';
import { lazyEdge } from '../connections/lazyEdge';
import { principalNameEquals } from '../filters/principalNameEquals';
import type { FilterExpression } from '../graph/odata/FilterExpression';
import type { ReportSpec } from '../graph/reports/ReportSpec';
import type { Reports } from '../reports/Reports';
import type { CoalescedRows } from './CoalescedRows';

export interface UserLinkQuery {
  readonly spec: ReportSpec;
  /** The client's own filter on the linked report, without the user part. */
  readonly filter?: FilterExpression;
  readonly first: number;
  readonly after?: string | null;
}

/**
 * The links from one report to a user's rows in another, under the configured plan. `batch`: one
 * request per user, leaving together in `$batch` envelopes. `coalesce`: first pages come from one
 * filtered request for all users (see CoalescedRows); a later page (`after`) or a refusal falls back
 * to the per-user request, and the cursors handed out resume on it.
 */
export class Links {
  constructor(
    private readonly plan: 'batch' | 'coalesce',
    private readonly reports: Reports,
    private readonly connections: ConnectionFetcher,
    private readonly coalesced: CoalescedRows,
  ) {}

  async rowsOf<T>(userPrincipalName: string, query: UserLinkQuery, argumentPrefix: string): Promise<ConnectionResult<T>> {
    const perUser = {
      spec: query.spec,
      filter: query.filter ? { kind: 'and' as const, operands: [principalNameEquals(userPrincipalName), query.filter] } : principalNameEquals(userPrincipalName),
      first: query.first,
      after: query.after,
    };
    if (this.plan === 'batch' || query.after != null) return this.reports.list<T>(perUser, argumentPrefix);
    const first = checkFirst(query.first, argumentPrefix);
    const rows = await this.coalesced.load({ spec: query.spec, ...(query.filter ? { filter: query.filter } : {}), userPrincipalName });
    if (rows === null) return this.reports.list<T>(perUser, argumentPrefix);
    const edges = (rows.slice(0, first) as T[]).map((node, i) => lazyEdge(node, () => this.connections.cursorAt(perUser, i + 1)));
    const last = edges[edges.length - 1];
    return {
      edges,
      nodes: edges.map((e) => e.node),
      pageInfo: {
        hasNextPage: rows.length > first,
        get endCursor() {
          return last ? last.cursor : null;
        },
      },
    };
  }

  async firstOf<T>(userPrincipalName: string, spec: ReportSpec): Promise<T | null> {
    if (this.plan === 'coalesce') {
      const rows = await this.coalesced.load({ spec, userPrincipalName });
      if (rows !== null) return (rows[0] as T | undefined) ?? null;
    }
    return this.reports.firstWhere<T>(spec, principalNameEquals(userPrincipalName));
  }
}
