import { Prng } from './data/Prng';
import type { EmulatorData } from './EmulatorData';
import { FaultInjector } from './faults/FaultInjector';
import type { FaultRule } from './FaultRule';
import { SkipTokenCodec } from './paging/SkipTokenCodec';
import { RequestLog } from './RequestLog';
import { SlidingWindowLimiter } from './throttle/SlidingWindowLimiter';

/** Filtered and sorted results kept per query; large tenants would otherwise re-sort on every page. */
const QUERY_CACHE_ENTRIES = 16;

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
  }

  /** A deterministic seed for the response order of the next `$batch`. */
  nextBatchSeed(): number {
    return this.seed * 1000003 + ++this.batches;
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
