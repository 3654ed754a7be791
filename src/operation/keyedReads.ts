import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config';
import { GraphHttpError } from '../graph/errors';
import { buildListRequest, type FilterExpression, type ReportSpec } from '../graph/odata';
import { parseGraphUrl, pathOf } from '../graph/urls';
import { anyKeyFilter, chunkKeys, GUESSED_SCAN_SHARE, type KeyProperty, type KnownSize, LARGEST_PAGE, type Plan, type PlanCost, planCost, type ScanBound } from './planner';
import { listRows, type OperationStats, type PlanRecord, readAllRows, type Upstream } from './upstream';

/** One keyed read: the rows of `spec` whose `key` is `value` (and that pass the client's `filter`). */
export interface KeyedRead {
  readonly spec: ReportSpec;
  readonly key: KeyProperty;
  readonly value: string;
  /** The client's own filter on the report, without the key part. */
  readonly filter?: FilterExpression;
  /** `first`: the caller takes the first row (a registration, a directory row); `all`: every row (a link's list). */
  readonly want: 'first' | 'all';
}

/** The key's rows, or `null` when no shared plan answered for it: the caller reads it per key. */
export type KeyRows = readonly unknown[] | null;

/** How the planner may plan: `auto` chooses per batch, the others force one plan (`GRAPH_LINK_PLAN`). */
export interface PlannerSettings {
  readonly plan: Config['graph']['linkPlan'];
  readonly scanBound: ScanBound;
  /** Upstream pages a coalesced chunk may read; a chunk with more is left to the per-key plan. */
  readonly maxPages: number;
}

const FORCED: Readonly<Record<PlannerSettings['plan'], Plan | undefined>> = { auto: undefined, batch: 'perKey', coalesce: 'coalesced', scan: 'scan' };

/**
 * What the planner learned, process-wide and bounded: the sizes it saw (per principal, report and filter:
 * principals may see different rows) and the refusals of the coalesced `or` filter (per report and shape:
 * whether Graph accepts a filter shape is the same for every caller).
 */
export class PlannerMemory {
  private readonly sizes = new LRUCache<string, KnownSize>({ max: 10_000 });
  private readonly refusals = new LRUCache<string, true>({ max: 10_000 });
  /** Derived entries whose refresh is under way, so a stale entry is refreshed once. */
  readonly refreshing = new Set<string>();

  /** What was seen of `report` (filtered by `filter`) under `principal`: what `planCost` prices a scan with. */
  sizeOf(principal: string, report: ReportSpec, filter?: FilterExpression): KnownSize | null {
    return this.sizes.get(sizeKey(principal, report, filter)) ?? null;
  }

  learnSize(principal: string, report: ReportSpec, filter: FilterExpression | undefined, size: KnownSize): void {
    this.sizes.set(sizeKey(principal, report, filter), size);
  }

  refused(shape: string): boolean {
    return this.refusals.has(shape);
  }

  refuse(shape: string): void {
    this.refusals.set(shape, true);
  }
}

/** Sizes are per principal (callers may see different rows), report and filter. */
function sizeKey(principal: string, report: ReportSpec, filter: FilterExpression | undefined): string {
  return `${principal}\n${report.name}\n${JSON.stringify(filter ?? null)}`;
}

/** A group of keyed reads that one plan can serve together: same report, key, want and filter. */
interface Group {
  readonly spec: ReportSpec;
  readonly key: KeyProperty;
  readonly want: 'first' | 'all';
  readonly filter?: FilterExpression;
  /** `/{version}{path}`: where derived entries live in the cache (a create on it drops them). */
  readonly path: string;
  /** The filter's text, naming derived entries and sizes. */
  readonly filterName: string;
  /** The filter's shape without its values: what a refusal of the `or` filter is remembered for. */
  readonly shape: string;
}

type Answer = readonly unknown[] | Error;

function groupOf(read: KeyedRead): Group {
  const filterName = JSON.stringify(read.filter ?? null);
  const shapeOnly = JSON.stringify(read.filter ?? null, (k, v: unknown) => (k === 'value' || k === 'values' ? undefined : v));
  return {
    spec: read.spec,
    key: read.key,
    want: read.want,
    ...(read.filter ? { filter: read.filter } : {}),
    path: `/${read.spec.version}${read.spec.path}`,
    filterName,
    shape: `${read.spec.name}\n${read.key}\n${shapeOnly}`,
  };
}

const groupKey = (g: Group): string => `${g.spec.name}\n${g.key}\n${g.want}\n${g.filterName}`;
/** Keys match case-insensitively, as Graph's `eq` on principal names does (and ids are GUIDs). */
const fold = (value: string): string => value.toLowerCase();

function ownerOf(row: unknown, key: KeyProperty): string {
  const value = (row as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? fold(value) : '';
}

function index(rows: readonly unknown[], key: KeyProperty): Map<string, unknown[]> {
  const byKey = new Map<string, unknown[]>();
  for (const row of rows) {
    const owner = ownerOf(row, key);
    const list = byKey.get(owner);
    if (list) list.push(row);
    else byKey.set(owner, [row]);
  }
  return byKey;
}

/**
 * The read planner at work, one per operation (README: The read planner). The keyed reads of one tick
 * arrive together (DataLoader), grouped by report, key and filter; each group is served from what is
 * cached (a scan of the report, or rows of single keys from earlier coalesced reads), and the rest by the
 * plan `planCost` prices cheapest in budgeted requests. A plan that cannot serve (the coalesced `or`
 * refused, a scan that would pass its bound) hands the keys left to the next cheapest, and the per-key
 * plan is the callers' own reads, so they keep their exact pages and cursors.
 */
export class KeyedReads {
  private readonly loader: DataLoader<KeyedRead, KeyRows, string>;

  constructor(
    private readonly upstream: Upstream,
    private readonly graphRoot: string,
    private readonly settings: PlannerSettings,
    private readonly memory: PlannerMemory,
    /** Partition of learned sizes and refresh guards, as of the cache. */
    private readonly principal: string,
    private readonly stats: OperationStats,
    /** Told each plan chosen (metrics: `gateway_link_plan_batches_total`). */
    private readonly recordPlan: (plan: PlanRecord['plan']) => void = () => undefined,
  ) {
    this.loader = new DataLoader((reads) => this.loadAll(reads), {
      cacheKeyFn: (read) => `${groupKey(groupOf(read))}\n${fold(read.value)}`,
    });
  }

  load(read: KeyedRead): Promise<KeyRows> {
    return this.loader.load(read);
  }

  private async loadAll(reads: readonly KeyedRead[]): Promise<(KeyRows | Error)[]> {
    const groups = new Map<string, { group: Group; values: Map<string, string> }>();
    for (const read of reads) {
      const group = groupOf(read);
      const entry = groups.get(groupKey(group)) ?? { group, values: new Map<string, string>() };
      entry.values.set(fold(read.value), read.value);
      groups.set(groupKey(group), entry);
    }
    const answers = new Map<string, Map<string, Answer>>();
    await Promise.all(
      [...groups].map(async ([name, { group, values }]) => answers.set(name, await this.serve(group, [...values.values()]))),
    );
    return reads.map((read) => answers.get(groupKey(groupOf(read)))?.get(fold(read.value)) ?? null);
  }

  private note(record: PlanRecord): void {
    this.stats.plans.push(record);
    this.recordPlan(record.plan);
  }

  /** Serves a group: from a cached scan, else cached keys, else the cheapest plan for the keys left. */
  private async serve(g: Group, keys: readonly string[]): Promise<Map<string, Answer>> {
    const answers = new Map<string, Answer>();
    const scanned = await this.upstream.recall(g.path, `scan\n${g.filterName}`);
    if (scanned !== undefined && Array.isArray(scanned.value)) {
      const rows = index(scanned.value, g.key);
      for (const key of keys) answers.set(fold(key), rows.get(fold(key)) ?? []);
      this.note({ report: g.spec.name, plan: 'cache', keys: keys.length, budgetedRequests: 0 });
      if (scanned.stale) this.refreshInBackground(g, keys, 'scan');
      return answers;
    }
    const recalled = await Promise.all(keys.map((key) => this.upstream.recall(g.path, this.keyName(g, key))));
    const missing: string[] = [];
    const stale: string[] = [];
    recalled.forEach((hit, i) => {
      const key = keys[i]!;
      if (hit === undefined || !Array.isArray(hit.value)) return missing.push(key);
      answers.set(fold(key), hit.value);
      if (hit.stale) stale.push(key);
    });
    if (missing.length < keys.length) this.note({ report: g.spec.name, plan: 'cache', keys: keys.length - missing.length, budgetedRequests: 0 });
    if (stale.length > 0) this.refreshInBackground(g, stale, 'keys');
    if (missing.length > 0) for (const [key, answer] of await this.read(g, missing)) answers.set(key, answer);
    return answers;
  }

  private keyName(g: Group, key: string): string {
    return `key\n${g.key}\n${g.want}\n${g.filterName}\n${fold(key)}`;
  }

  /**
   * Plans `keys` and reads them, plan by plan, until every key is served or only the per-key plan is left.
   * A `refresh` has no caller to hand keys to: it skips the per-key plan for the cheapest shared one, whose
   * rows replace the stale entries (with none left, they expire).
   */
  private async read(g: Group, keys: readonly string[], refresh = false): Promise<Map<string, Answer>> {
    const answers = new Map<string, Answer>();
    const tried = new Set<Plan>();
    let left = [...keys];
    for (let step = 0; left.length > 0; step++) {
      const choice = planCost(g.spec, left, this.memory.sizeOf(this.principal, g.spec, g.filter), {
        keyProperty: g.key,
        ...(g.filter ? { filter: g.filter } : {}),
        scanBound: this.settings.scanBound,
        coalesceRefused: this.memory.refused(g.shape),
        ...(FORCED[this.settings.plan] && step === 0 ? { force: FORCED[this.settings.plan] } : {}),
      });
      const open = (c: PlanCost): boolean => !tried.has(c.plan) && !(refresh && c.plan === 'perKey');
      const plan = open(choice) ? choice : choice.ranked.find(open);
      if (plan === undefined) break;
      tried.add(plan.plan);
      this.note({ report: g.spec.name, plan: plan.plan, keys: left.length, budgetedRequests: plan.budgetedRequests });
      if (plan.plan === 'perKey') break;
      const fallback = (remaining: readonly string[]): number =>
        planCost(g.spec, remaining, null, { keyProperty: g.key, ...(g.filter ? { filter: g.filter } : {}), scanBound: { rows: 0, bytes: 0 }, coalesceRefused: this.memory.refused(g.shape) }).budgetedRequests;
      const served = plan.plan === 'scan' ? await this.scan(g, left, fallback) : await this.coalesce(g, left);
      for (const [key, answer] of served) answers.set(key, answer);
      left = left.filter((key) => !served.has(fold(key)));
    }
    return answers;
  }

  /**
   * The scan plan: the whole report (or the client's filtered set) at the largest page, never past the
   * bound. When its size is known to be within the bound it reads to the end; when it is a guess, the scan
   * goes on only while another page still costs less than reading the keys left another way, and keeps
   * what it learned of the size either way. A whole scan is cached as one entry serving any key.
   */
  private async scan(g: Group, keys: readonly string[], fallback: ((remaining: readonly string[]) => number) | null): Promise<Map<string, Answer>> {
    const since = Date.now();
    const bound = this.settings.scanBound;
    const known = this.memory.sizeOf(this.principal, g.spec, g.filter);
    const first = buildListRequest(g.spec, { ...(g.filter ? { filter: g.filter } : {}), top: Math.min(LARGEST_PAGE, Math.max(1, bound.rows)) });
    const expectedPath = pathOf(first.url);
    // No fallback: a refresh of a whole scan, which reads the whole set again (within the bound).
    const initialFallback = fallback === null ? Number.POSITIVE_INFINITY : fallback(keys);
    // A scan priced on a guess spends at most a quarter of what the next plan costs before it gives up, so a
    // wrong guess costs at most 1.25 times that plan (the bound the cost estimate counts: GUESSED_SCAN_SHARE).
    const guessPages = Math.max(1, Math.ceil(initialFallback * GUESSED_SCAN_SHARE));
    const rows: unknown[] = [];
    let bytes = 0;
    let pages = 0;
    let pageRows = known?.pageRows ?? LARGEST_PAGE;
    let complete = false;
    let beyond = false;
    try {
      for (let url = first.url; ; ) {
        const page = listRows(await this.upstream.load({ method: 'GET', version: g.spec.version, url, fresh: true }));
        pages += 1;
        rows.push(...page.rows);
        bytes += Buffer.byteLength(JSON.stringify(page.rows));
        if (page.nextLink === null) {
          complete = true;
          break;
        }
        if (pages === 1) pageRows = Math.max(1, page.rows.length);
        // Never past the bound: a page that could carry the scan beyond it is not read, and the set counts
        // as beyond the bound from then on.
        if (rows.length + pageRows > bound.rows || bytes + bytes / pages > bound.bytes) {
          beyond = true;
          break;
        }
        if (fallback !== null) {
          const found = g.want === 'first' ? index(rows, g.key) : new Map<string, unknown[]>();
          const remaining = keys.filter((key) => !found.has(fold(key)));
          if (remaining.length === 0) break;
          if (!known?.exact && (pages >= guessPages || pages + 1 >= initialFallback || fallback(remaining) <= 1)) break;
        }
        url = parseGraphUrl(this.graphRoot, g.spec.version, page.nextLink, expectedPath);
      }
    } catch (error) {
      return new Map(keys.map((key) => [fold(key), error instanceof Error ? error : new Error(String(error))]));
    }
    this.memory.learnSize(this.principal, g.spec, g.filter, { rows: beyond ? Math.max(rows.length, bound.rows) : rows.length, exact: complete, pageRows, bytes });
    const byKey = index(rows, g.key);
    const answers = new Map<string, Answer>();
    if (complete && bytes <= bound.bytes) {
      for (const key of keys) answers.set(fold(key), byKey.get(fold(key)) ?? []);
      await this.upstream.remember(g.path, `scan\n${g.filterName}`, rows, since);
      return answers;
    }
    // Part of a report answers only keys whose first row it holds.
    if (g.want === 'first') {
      for (const key of keys) {
        const found = byKey.get(fold(key));
        if (found) answers.set(fold(key), found);
      }
      await this.rememberKeys(g, answers, since);
    }
    return answers;
  }

  /**
   * The coalesced plan: one request per chunk of keys, every page followed (up to the page bound), rows
   * split back per key and cached per key. A 400 is the `or` filter's fault only if the same filter
   * without `or` passes: then it is remembered for this report and shape and the chunk goes to the next
   * plan; if not, it is the client's own filter, nothing is learned, and the keys answer the error.
   */
  private async coalesce(g: Group, keys: readonly string[]): Promise<Map<string, Answer>> {
    const since = Date.now();
    const answers = new Map<string, Answer>();
    let verdict: Promise<'or' | Error> | undefined;
    await Promise.all(
      chunkKeys(g.spec, g.key, keys, g.filter).map(async (chunk) => {
        const first = buildListRequest(g.spec, { filter: anyKeyFilter(g.key, chunk, g.filter), top: LARGEST_PAGE });
        try {
          const { rows, complete } = await readAllRows(this.upstream, this.graphRoot, { ...first, fresh: true }, this.settings.maxPages);
          // Past the page bound the chunk is left to the per-key plan, which pages properly.
          if (!complete) return;
          const byKey = index(rows, g.key);
          for (const key of chunk) answers.set(fold(key), byKey.get(fold(key)) ?? []);
        } catch (error) {
          if (error instanceof GraphHttpError && error.details.httpStatus === 400) {
            verdict ??= this.blame(g, chunk[0]!);
            const blamed = await verdict;
            if (blamed === 'or') return;
            for (const key of chunk) answers.set(fold(key), blamed);
            return;
          }
          for (const key of chunk) answers.set(fold(key), error instanceof Error ? error : new Error(String(error)));
        }
      }),
    );
    await this.rememberKeys(g, answers, since);
    return answers;
  }

  /** Which part of a refused coalesced filter upstream refused: one key without `or` tells. */
  private async blame(g: Group, key: string): Promise<'or' | Error> {
    try {
      await this.upstream.load(buildListRequest(g.spec, { filter: anyKeyFilter(g.key, [key], g.filter), top: 1 }));
      this.memory.refuse(g.shape);
      return 'or';
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  private async rememberKeys(g: Group, answers: ReadonlyMap<string, Answer>, since: number): Promise<void> {
    await Promise.all(
      [...answers].filter(([, answer]) => !(answer instanceof Error)).map(([key, rows]) => this.upstream.remember(g.path, this.keyName(g, key), rows, since)),
    );
  }

  /** Stale-while-revalidate for derived entries: one refresh per entry at a time, after the answer. */
  private refreshInBackground(g: Group, keys: readonly string[], what: 'scan' | 'keys'): void {
    const guard = `${this.principal}\n${groupKey(g)}\n${what === 'scan' ? 'scan' : keys.map(fold).sort().join(',')}`;
    if (this.memory.refreshing.has(guard)) return;
    this.memory.refreshing.add(guard);
    const work = what === 'scan' ? this.scan(g, keys, null) : this.read(g, keys, true);
    void work.catch(() => undefined).finally(() => this.memory.refreshing.delete(guard));
  }
}
