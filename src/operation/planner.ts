import { ODataCompileError } from '../graph/errors';
import { buildListRequest, type FilterExpression, type ReportSpec } from '../graph/odata';

/**
 * The read planner's cost model (README: The read planner). Graph's budget counts every request, inner
 * `$batch` requests included, so a batch of keyed reads is priced in budgeted requests, not round trips:
 *
 *   perKey     one request per key (`GET …/{id}` or `key eq 'v'`), leaving together in envelopes of 20;
 *   coalesced  one `$filter` per chunk of keys (`key eq 'a' or key eq 'b' …`), chunked to the URL limit;
 *   scan       the whole report (or the client's filtered set) at the largest page, every key served from it.
 *
 * Pure: the executor (`KeyedReads`) and the cost estimate both price plans here, so they cannot disagree.
 */

export type KeyProperty = 'id' | 'userPrincipalName';
export type Plan = 'perKey' | 'coalesced' | 'scan';

/** Graph's largest `$top` for these reports: a scan asks for it, and a page holds at most that many rows. */
export const LARGEST_PAGE = 1000;

/** What the gateway has seen of a report's size (or of one filtered set of it). */
export interface KnownSize {
  /** Rows read. */
  readonly rows: number;
  /** `true`: the whole set was read, `rows` is its size; `false`: more than `rows` exist. */
  readonly exact: boolean;
  /** Rows upstream put in a full page when asked for `LARGEST_PAGE` (Graph may page smaller). */
  readonly pageRows: number;
  /** Bytes of JSON read for `rows`. */
  readonly bytes: number;
}

/** The most a scan may read; past either bound it is never chosen, and a scan stops at it. */
export interface ScanBound {
  readonly rows: number;
  readonly bytes: number;
}

export interface PlanOptions {
  /** The key the reads are by. @default 'userPrincipalName' */
  readonly keyProperty?: KeyProperty;
  /** The client's own filter on the report, AND-ed to every plan's requests. */
  readonly filter?: FilterExpression;
  readonly scanBound: ScanBound;
  /** Upstream refused the coalesced `or` filter for this report and shape: the plan is out. */
  readonly coalesceRefused?: boolean;
  /** Forces one plan (`GRAPH_LINK_PLAN`); when it cannot serve (refused, beyond the bound) the next one does. */
  readonly force?: Plan;
}

export interface PlanCost {
  readonly plan: Plan;
  /** Budgeted requests the plan is expected to spend. */
  readonly budgetedRequests: number;
}

export interface PlanChoice extends PlanCost {
  /**
   * An upper bound of what serving the batch may spend: a scan of unknown size may find the report bigger
   * than one page and hand the keys it did not answer to the next plan, and a coalesced chunk whose rows
   * span pages reads them all (pages beyond the first are not priced; `atMost` is the upper bound for all
   * but that).
   */
  readonly atMost: number;
  /** Every feasible plan, cheapest first. */
  readonly ranked: readonly PlanCost[];
}

/**
 * The share of the next plan's cost that a scan priced on a guess (no size seen yet) may spend before it
 * gives up and hands the keys on: a wrong guess costs at most 1.25 times the plan it tried to beat.
 */
export const GUESSED_SCAN_SHARE = 0.25;

/** Key lengths assumed when only the number of keys is known (a cost estimate before any row is read). */
const ASSUMED_KEY = { id: '00000000-0000-0000-0000-000000000000', userPrincipalName: `${'x'.repeat(40)}@contoso.onmicrosoft.com` } as const;

/**
 * Ties go to the simpler plan: per key (exact pages, no splitting), then the scan (which also serves later
 * lookups of any key), then coalesced reads. A plan priced on a guess (a scan of unknown size) carries half
 * a request of doubt, so it wins only when it saves a whole one.
 */
const PREFERENCE: Readonly<Record<Plan, number>> = { perKey: 0, scan: 1, coalesced: 2 };
const DOUBT = 0.5;

/** Whether `coalesced` can exist at all: Graph must filter the key with `eq` (it does not filter `id`). */
export function coalescable(report: ReportSpec, keyProperty: KeyProperty): boolean {
  return report.filterable[keyProperty] !== undefined;
}

/** The filter of one coalesced chunk: any of the keys, AND the client's filter. */
export function anyKeyFilter(keyProperty: KeyProperty, keys: readonly string[], filter: FilterExpression | undefined): FilterExpression {
  const operands = keys.map((value): FilterExpression => ({ kind: 'compare', property: keyProperty, op: 'eq', value: { kind: 'string', value } }));
  const anyKey: FilterExpression = operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  return filter ? { kind: 'and', operands: [anyKey, filter] } : anyKey;
}

function fits(report: ReportSpec, filter: FilterExpression): boolean {
  try {
    buildListRequest(report, { filter, top: LARGEST_PAGE });
    return true;
  } catch (error) {
    if (error instanceof ODataCompileError) return false;
    throw error;
  }
}

/**
 * Keys in chunks whose request stays under the URL limit, in order. A key that does not fit even alone is
 * left out (the per-key plan answers it, or refuses it, on its own).
 */
export function chunkKeys(report: ReportSpec, keyProperty: KeyProperty, keys: readonly string[], filter?: FilterExpression): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const key of keys) {
    const candidate = [...current, key];
    if (fits(report, anyKeyFilter(keyProperty, candidate, filter))) current = candidate;
    else {
      if (current.length > 0) chunks.push(current);
      current = fits(report, anyKeyFilter(keyProperty, [key], filter)) ? [key] : [];
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** Budgeted requests of reading a set of `size` rows whole, or `null` when it lies beyond the bound. */
export function scanRequests(size: KnownSize | null, bound: ScanBound): { budgetedRequests: number; atMost: number; doubt: number } | null {
  if (bound.rows === 0 || bound.bytes === 0) return null;
  if (size === null) return { budgetedRequests: 1, atMost: 1, doubt: DOUBT };
  const rows = size.exact ? size.rows : size.rows + 1;
  if (rows > bound.rows || (size.exact && size.bytes > bound.bytes)) return null;
  const pages = Math.max(1, Math.ceil(rows / Math.max(1, size.pageRows)));
  return { budgetedRequests: pages, atMost: Math.ceil(bound.rows / Math.max(1, size.pageRows)), doubt: size.exact ? 0 : DOUBT };
}

/**
 * The plan with the fewest budgeted requests for reading `keys` (or that many keys, when only their number
 * is known) of `report`, given what was seen of its size. `keys` are expected distinct.
 */
export function planCost(report: ReportSpec, keys: readonly string[] | number, knownSize: KnownSize | null, options: PlanOptions): PlanChoice {
  const keyProperty = options.keyProperty ?? 'userPrincipalName';
  const list = typeof keys === 'number' ? Array.from({ length: keys }, () => ASSUMED_KEY[keyProperty]) : keys;
  const candidates: (PlanCost & { doubt: number; atMost: number })[] = [
    { plan: 'perKey', budgetedRequests: list.length, doubt: 0, atMost: list.length },
  ];
  if (coalescable(report, keyProperty) && !options.coalesceRefused && list.length > 0) {
    const chunks = chunkKeys(report, keyProperty, list, options.filter);
    const left = list.length - chunks.reduce((n, c) => n + c.length, 0);
    candidates.push({ plan: 'coalesced', budgetedRequests: chunks.length + left, doubt: 0, atMost: chunks.length + left });
  }
  const scan = list.length > 0 ? scanRequests(knownSize, options.scanBound) : null;
  if (scan) candidates.push({ plan: 'scan', ...scan });
  const rank = (c: (typeof candidates)[number]): number => c.budgetedRequests + c.doubt;
  candidates.sort((a, b) => rank(a) - rank(b) || PREFERENCE[a.plan] - PREFERENCE[b.plan]);
  const forced = options.force === undefined ? undefined : candidates.find((c) => c.plan === options.force);
  const chosen = forced ?? candidates[0]!;
  const next = candidates.find((c) => c !== chosen) ?? candidates[0]!;
  // A scan priced on a guess may give up (after a share of the next plan's cost) and leave every key to it.
  const atMost = chosen.plan === 'scan' && chosen.doubt > 0 ? Math.ceil(next.atMost * GUESSED_SCAN_SHARE) + next.atMost : chosen.atMost;
  return {
    plan: chosen.plan,
    budgetedRequests: chosen.budgetedRequests,
    atMost,
    ranked: candidates.map(({ plan, budgetedRequests }) => ({ plan, budgetedRequests })),
  };
}
