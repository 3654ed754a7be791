import { Prng } from './data/Prng';
import type { EmulatorData } from './EmulatorData';
import { FaultInjector } from './faults/FaultInjector';
import type { FaultRule } from './FaultRule';
import { SkipTokenCodec } from './paging/SkipTokenCodec';
import { RequestLog } from './RequestLog';
import { SlidingWindowLimiter } from './throttle/SlidingWindowLimiter';

/** Filtered and sorted results kept per query; large tenants would otherwise re-sort on every page. */
const QUERY_CACHE_ENTRIES = 64;

/** Everything one running emulator shares across requests: data, log, knobs, and small caches. */
export class EmulatorState {
  readonly log = new RequestLog();
  readonly faults: FaultInjector;
  readonly limiter: SlidingWindowLimiter;
  readonly skipTokens = new SkipTokenCodec();
  latencyMs: number;
  /** Bumped by every create, so cached query results never outlive the data they came from. */
  private generation = 0;
  private readonly ids: Prng;
  private readonly queryCache = new Map<string, readonly object[]>();
  private readonly indexes = new Map<string, Map<string, number[]>>();
  private batches = 0;

  constructor(
    readonly data: EmulatorData,
    readonly seed: number,
    readonly maxPageSize: number,
    readonly ignoreTop: boolean,
    options: { latencyMs: number; rateLimit: { requests: number; windowSeconds: number } | null; faults: readonly FaultRule[] },
  ) {
    this.latencyMs = options.latencyMs;
    this.limiter = new SlidingWindowLimiter(options.rateLimit);
    this.faults = new FaultInjector(options.faults);
    this.ids = Prng.of(seed, 'created');
  }

  /** A fresh id for a created entity; deterministic for a given seed and order of creates. */
  newId(): string {
    return this.ids.guid();
  }

  /** Records that data changed. */
  touch(): void {
    this.generation++;
    this.queryCache.clear();
    this.indexes.clear();
  }

  /** A deterministic seed for the response order of the next `$batch`. */
  nextBatchSeed(): number {
    return this.seed * 1000003 + ++this.batches;
  }

  /**
   * Positions of the rows whose string `property` equals each value ignoring case; built on first use
   * per collection and property, dropped when data changes. Lets `userPrincipalName eq '…'` over a
   * large tenant skip the full scan.
   */
  equalityIndex(collection: string, property: string, rows: readonly object[]): Map<string, number[]> {
    const key = `${collection}\u0000${property}`;
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = new Map();
      rows.forEach((row, position) => {
        const value = (row as Record<string, unknown>)[property];
        if (typeof value !== 'string') return;
        const lower = value.toLowerCase();
        const positions = index?.get(lower);
        if (positions) positions.push(position);
        else index?.set(lower, [position]);
      });
      this.indexes.set(key, index);
    }
    return index;
  }

  /** The rows of a query, computed once per data generation (least recently used entries evicted). */
  cachedRows(key: string, compute: () => readonly object[]): readonly object[] {
    const fullKey = `${this.generation}\u0000${key}`;
    const hit = this.queryCache.get(fullKey);
    if (hit) {
      this.queryCache.delete(fullKey);
      this.queryCache.set(fullKey, hit);
      return hit;
    }
    const rows = compute();
    this.queryCache.set(fullKey, rows);
    if (this.queryCache.size > QUERY_CACHE_ENTRIES) this.queryCache.delete(this.queryCache.keys().next().value ?? '');
    return rows;
  }
}
