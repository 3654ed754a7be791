import DataLoader from 'dataloader';
import { GraphHttpError, ODataCompileError } from '../graph/errors';
import { buildListRequest, type FilterExpression, type ReportSpec } from '../graph/odata';
import { checkFirst, type ConnectionFetcher, type ConnectionResult, lazyEdge, pageInfoOf, type Reports } from './connections';
import { principalNameEquals } from './filters';
import { readAllRows, type Upstream } from './upstream';

export interface CoalesceKey {
  readonly spec: ReportSpec;
  readonly filter?: FilterExpression;
  readonly userPrincipalName: string;
}

/** One user's rows, or `null` when the coalesced read could not answer for them (refused, truncated). */
export type UserRows = readonly unknown[] | null;

/** `$top` of a coalesced read: the most Graph serves in a page of these reports. */
const COALESCED_TOP = 1000;

/**
 * The `coalesce` link plan. Every inner request of a `$batch` counts against Graph's budget, so the
 * users a link is resolved for in one tick are read with one filtered request per chunk
 * (`userPrincipalName eq 'a' or userPrincipalName eq 'b' …`, chunked to stay under the URL limit),
 * all pages followed, and the rows split back per user. When upstream refuses the `or` filter (400)
 * the report is remembered in `refusals`, process-wide, and its links fall back to one request per user.
 */
export class CoalescedRows {
  private readonly loader: DataLoader<CoalesceKey, UserRows, string>;

  constructor(
    private readonly upstream: Upstream,
    private readonly graphRoot: string,
    private readonly maxPages: number,
    private readonly refusals: Set<string>,
    /** Told, per chunk of users, which plan answered it: the metrics' `gateway_link_plan_batches_total`. */
    private readonly recordPlan: (plan: 'batch' | 'coalesce') => void = () => undefined,
  ) {
    this.loader = new DataLoader((keys) => this.loadAll(keys), {
      cacheKeyFn: (k) => `${groupOf(k)}\n${k.userPrincipalName.toLowerCase()}`,
    });
  }

  load(key: CoalesceKey): Promise<UserRows> {
    return this.loader.load(key);
  }

  private async loadAll(keys: readonly CoalesceKey[]): Promise<(UserRows | Error)[]> {
    const groups = new Map<string, CoalesceKey[]>();
    for (const key of keys) groups.set(groupOf(key), [...(groups.get(groupOf(key)) ?? []), key]);
    const byKey = new Map<CoalesceKey, UserRows | Error>();
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const users = [...new Map(group.map((k) => [k.userPrincipalName.toLowerCase(), k.userPrincipalName])).values()];
        const { spec, filter } = group[0]!;
        const chunks = this.chunk(spec, filter, users);
        const answers = await Promise.all(chunks.map((chunk) => this.read(spec, filter, chunk)));
        const rows = new Map<string, unknown[]>();
        const failed = new Map<string, UserRows | Error>();
        answers.forEach((answer, i) => {
          const chunk = chunks[i]!;
          this.recordPlan(answer === null ? 'batch' : 'coalesce');
          if (answer === null || answer instanceof Error) chunk.forEach((u) => failed.set(u.toLowerCase(), answer));
          else for (const row of answer) rows.set(ownerOf(row), [...(rows.get(ownerOf(row)) ?? []), row]);
        });
        for (const key of group) {
          const user = key.userPrincipalName.toLowerCase();
          byKey.set(key, failed.has(user) ? failed.get(user)! : (rows.get(user) ?? []));
        }
      }),
    );
    return keys.map((k) => byKey.get(k)!);
  }

  /** Users in chunks whose request stays under the compiler's URL limit. */
  private chunk(spec: ReportSpec, filter: FilterExpression | undefined, users: readonly string[]): string[][] {
    const chunks: string[][] = [];
    let current: string[] = [];
    for (const user of users) {
      const candidate = [...current, user];
      if (current.length > 0 && !fits(spec, filterFor(candidate, filter))) {
        chunks.push(current);
        current = [user];
      } else current = candidate;
    }
    if (current.length > 0) chunks.push(current);
    return chunks;
  }

  private async read(spec: ReportSpec, filter: FilterExpression | undefined, users: string[]): Promise<unknown[] | null | Error> {
    if (this.refusals.has(spec.name) || !fits(spec, filterFor(users, filter))) return null;
    const first = buildListRequest(spec, { filter: filterFor(users, filter), top: COALESCED_TOP });
    try {
      // A result too large to read whole is left to the per-user plan, which pages properly.
      const { rows, complete } = await readAllRows(this.upstream, this.graphRoot, first, this.maxPages);
      return complete ? rows : null;
    } catch (error) {
      if (error instanceof GraphHttpError && error.details.httpStatus === 400) {
        this.refusals.add(spec.name);
        return null;
      }
      return error instanceof Error ? error : new Error(String(error));
    }
  }
}

function groupOf(key: CoalesceKey): string {
  return `${key.spec.name}\n${JSON.stringify(key.filter ?? null)}`;
}

function ownerOf(row: unknown): string {
  const upn = (row as { userPrincipalName?: unknown } | null)?.userPrincipalName;
  return typeof upn === 'string' ? upn.toLowerCase() : '';
}

function filterFor(users: readonly string[], filter: FilterExpression | undefined): FilterExpression {
  const anyUser: FilterExpression = {
    kind: 'or',
    operands: users.map((u) => ({ kind: 'compare', property: 'userPrincipalName', op: 'eq', value: { kind: 'string', value: u } })),
  };
  return filter ? { kind: 'and', operands: [anyUser, filter] } : anyUser;
}

function fits(spec: ReportSpec, filter: FilterExpression): boolean {
  try {
    buildListRequest(spec, { filter, top: COALESCED_TOP });
    return true;
  } catch (error) {
    if (error instanceof ODataCompileError) return false;
    throw error;
  }
}

export interface UserLinkQuery {
  readonly spec: ReportSpec;
  /** The client's own filter on the linked report, without the user part. */
  readonly filter?: FilterExpression;
  readonly first?: number | null;
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
    this.reports.assertServed(query.spec);
    if (this.plan === 'batch' || query.after != null) return this.reports.list<T>(perUser, argumentPrefix);
    const first = checkFirst(query.first, argumentPrefix);
    const rows = await this.coalesced.load({ spec: query.spec, ...(query.filter ? { filter: query.filter } : {}), userPrincipalName });
    if (rows === null) return this.reports.list<T>(perUser, argumentPrefix);
    const edges = (rows.slice(0, first) as T[]).map((node, i) => lazyEdge(node, () => this.connections.cursorAt(perUser, i + 1)));
    return { edges, nodes: edges.map((e) => e.node), pageInfo: pageInfoOf(edges, rows.length > first) };
  }

  async firstOf<T>(userPrincipalName: string, spec: ReportSpec): Promise<T | null> {
    this.reports.assertServed(spec);
    if (this.plan === 'coalesce') {
      const rows = await this.coalesced.load({ spec, userPrincipalName });
      if (rows !== null) return (rows[0] as T | undefined) ?? null;
    }
    return this.reports.firstWhere<T>(spec, principalNameEquals(userPrincipalName));
  }
}
