import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorOptions } from './config';
import { createEmulatorData, type EmulatorData } from './data';
import { FaultInjector, type FaultRule, SlidingWindowLimiter } from './faults';
import { createRequestListener } from './http';
import { RequestLog } from './log';
import { SkipTokenCodec } from './paging';
import { Prng } from './prng';

/** A running emulator: where it listens, what it received, its data, and knobs to change at run time. */
export interface Emulator {
  /** Root without version, e.g. `http://127.0.0.1:43123`; clients append `/beta` or `/v1.0`. */
  readonly url: string;
  readonly log: RequestLog;
  /** The seeded store, live: creates are appended to it, so tests can compute expected rows. */
  readonly data: EmulatorData;
  /** Replaces the fault rules and restarts their counters. */
  setFaults(rules: FaultRule[]): void;
  setLatency(ms: number): void;
  /** Changes the budget; requests already in the window keep counting. */
  setRateLimit(limit: { requests: number; windowSeconds: number } | null): void;
  /** Closes the server and its keep-alive sockets. */
  stop(): Promise<void>;
}

/** Filtered and sorted results kept per query; large tenants would otherwise re-sort on every page. */
const QUERY_CACHE_ENTRIES = 64;

/** Everything one running emulator shares across requests: data, log, knobs, and small caches. */
export class EmulatorState {
  readonly log: RequestLog;
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
    options: { latencyMs: number; rateLimit: { requests: number; windowSeconds: number } | null; faults: readonly FaultRule[]; logLimit?: number },
  ) {
    this.log = new RequestLog(options.logLimit);
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

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_USERS = 200;
const DEFAULT_MAX_PAGE_SIZE = 100;

function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, but got: ${value}`);
  return value;
}

/** The URL clients use: a wildcard bind address is reached through loopback. */
function rootUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

/**
 * Starts the Graph reports emulator: a real HTTP server on `host:port` serving a seeded tenant the way
 * Microsoft Graph serves the credential reports (README: "The GraphQL API" lists them with their upstream calls).
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = options.seed ?? 1;
  const users = options.users ?? DEFAULT_USERS;
  if (!Number.isSafeInteger(users) || users < 0) throw new RangeError(`users must be a non-negative integer, but got: ${users}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, but got: ${seed}`);
  const rateLimit = options.rateLimit ?? null;
  if (rateLimit !== null) {
    positiveInteger('rateLimit.requests', rateLimit.requests);
    if (!(rateLimit.windowSeconds > 0)) throw new RangeError(`rateLimit.windowSeconds must be positive, but got: ${rateLimit.windowSeconds}`);
  }
  const state = new EmulatorState(
    createEmulatorData(seed, users),
    seed,
    positiveInteger('maxPageSize', options.maxPageSize ?? DEFAULT_MAX_PAGE_SIZE),
    options.ignoreTop ?? false,
    { latencyMs: options.latencyMs ?? 0, rateLimit, faults: options.faults ?? [], ...(options.logLimit === undefined ? {} : { logLimit: options.logLimit }) },
  );
  const host = options.host ?? DEFAULT_HOST;
  let url = '';
  const server = createServer(createRequestListener(state, () => url));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  url = rootUrl(host, (server.address() as AddressInfo).port);
  return {
    url,
    log: state.log,
    data: state.data,
    setFaults: (rules) => state.faults.set(rules),
    setLatency: (ms) => {
      state.latencyMs = Math.max(0, ms);
    },
    setRateLimit: (limit) => state.limiter.setLimit(limit),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
