import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import type { RedisBreaker } from './redisBreaker';
import { type GraphRequest, type GraphResponse, REDIS_KEY_PREFIX } from './types';
import { pathOf } from './urls';

/**
 * The identity of a read for dedupe, single-flight and cache. The principal is part of it: two callers
 * with different rights must never share an answer, even for the same URL.
 */
export function canonicalKey(request: GraphRequest, principal: string): string {
  return `${principal}\n${request.method} /${request.version}${request.url}`;
}

/**
 * The part of a cache key that a create invalidates: principal and path without the query. A create adds a
 * row to a report's collection, so every cached list of that collection (and every row set derived from
 * it) may now be short; reads of other paths (`…/{id}` of an existing row) stay right.
 */
export function cacheGroup(key: string): string {
  const newline = key.indexOf('\n');
  const rest = key.slice(newline + 1);
  return `${key.slice(0, newline)}\n${pathOf(rest.slice(rest.indexOf(' ') + 1))}`;
}

/** A cached answer and when it was stored (epoch milliseconds): its age decides fresh, stale or gone. */
export interface CachedResponse {
  readonly response: GraphResponse;
  readonly storedAt: number;
}

/** How long entries live: fresh for `ttlMs`, then served stale (and refreshed) for `staleMs` more. */
export interface CacheLifetime {
  readonly ttlMs: number;
  readonly staleMs: number;
}

/**
 * 2xx GET answers shared across operations, keyed by `canonicalKey` (principal included). Never throws:
 * a cache that fails is a miss, not a failed read.
 */
export interface ResponseCache {
  /** The entry while it is fresh or stale; the caller tells the two apart by `storedAt`. */
  get(key: string): Promise<CachedResponse | undefined>;
  /**
   * Stores `response` unless a create dropped the key's group after `since` (when the read began): an
   * answer read before a write must not outlive it.
   */
  set(key: string, response: GraphResponse, since: number): Promise<void>;
  /** Drops every entry of one group (`cacheGroup`): a principal's reads of one collection path. */
  dropGroup(group: string): Promise<void>;
}

/** `cache.ttlMs: 0`: nothing is kept. */
export const noResponseCache: ResponseCache = {
  get: async () => undefined,
  set: async () => undefined,
  dropGroup: async () => undefined,
};

/** The size an entry is charged: its JSON text, which is what dominates what the process retains for it. */
function entryBytes(entry: CachedResponse): number {
  return Math.max(1, Buffer.byteLength(JSON.stringify(entry.response.body) ?? ''));
}

/**
 * When each group was last dropped, so a read that began earlier does not write its answer back. Kept for
 * one entry lifetime (an older read has timed out by then); bounded by the number of groups written to.
 */
class DropMarks {
  private readonly marks = new Map<string, number>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly clock: () => number,
  ) {}

  mark(group: string): void {
    const now = this.clock();
    for (const [g, at] of this.marks) if (at < now - this.lifetimeMs) this.marks.delete(g);
    this.marks.set(group, now);
  }

  droppedSince(group: string, since: number): boolean {
    return (this.marks.get(group) ?? -Infinity) >= since;
  }
}

/**
 * The process's own cache, bounded in bytes (`maxBytes`, the JSON size of the bodies) and in entries:
 * least recently used entries go first. A body larger than the whole bound is not kept.
 */
export class MemoryResponseCache implements ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  private readonly drops: DropMarks;

  constructor(
    lifetime: CacheLifetime,
    bounds: { readonly maxEntries: number; readonly maxBytes: number },
    private readonly clock: () => number = Date.now,
  ) {
    const ttl = lifetime.ttlMs + lifetime.staleMs;
    this.entries = new LRUCache<string, CachedResponse>({
      max: bounds.maxEntries,
      maxSize: bounds.maxBytes,
      sizeCalculation: entryBytes,
      ttl,
      ttlAutopurge: false,
      perf: { now: clock },
      ttlResolution: 0,
    });
    this.drops = new DropMarks(ttl, clock);
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, response: GraphResponse, since: number): Promise<void> {
    if (this.drops.droppedSince(cacheGroup(key), since)) return;
    this.entries.set(key, { response, storedAt: this.clock() });
  }

  async dropGroup(group: string): Promise<void> {
    this.drops.mark(group);
    for (const key of [...this.entries.keys()]) if (cacheGroup(key) === group) this.entries.delete(key);
  }

  /** Bytes held, as charged against `maxBytes`. */
  get bytes(): number {
    return this.entries.calculatedSize;
  }
}

/**
 * The cache shared by every gateway process on one Redis. Keys are hashed: the canonical key holds filter
 * values (user data) that have no business in Redis' key space. A key is `cache:<group hash>:<key hash>`,
 * so a create drops its group with one SCAN. Values are JSON with a PX expiry of TTL plus the stale bound.
 * While Redis is away (the breaker is open, or the command fails), the process's own cache stands in.
 */
export class RedisResponseCache implements ResponseCache {
  private readonly drops: DropMarks;

  constructor(
    private readonly breaker: RedisBreaker,
    private readonly lifetime: CacheLifetime,
    private readonly fallback: ResponseCache,
    private readonly clock: () => number = Date.now,
  ) {
    this.drops = new DropMarks(lifetime.ttlMs + lifetime.staleMs, clock);
  }

  async get(key: string): Promise<CachedResponse | undefined> {
    const value = await this.breaker.call('cacheGet', async (redis) => {
      const json = await redis.get(this.redisKey(key));
      return json === null ? null : (JSON.parse(json) as CachedResponse);
    });
    if (value === undefined) return this.fallback.get(key);
    return value ?? undefined;
  }

  async set(key: string, response: GraphResponse, since: number): Promise<void> {
    if (this.drops.droppedSince(cacheGroup(key), since)) return;
    const entry: CachedResponse = { response, storedAt: this.clock() };
    const ttl = this.lifetime.ttlMs + this.lifetime.staleMs;
    const stored = await this.breaker.call('cacheSet', (redis) => redis.set(this.redisKey(key), JSON.stringify(entry), 'PX', ttl));
    if (stored === undefined) await this.fallback.set(key, response, since);
  }

  async dropGroup(group: string): Promise<void> {
    this.drops.mark(group);
    // The local twin may hold entries written while Redis was away: they go too.
    await this.fallback.dropGroup(group);
    await this.breaker.call('cacheDrop', async (redis) => {
      const stream = redis.scanStream({ match: `${this.groupPrefix(group)}*`, count: 1000 });
      for await (const keys of stream as AsyncIterable<string[]>) if (keys.length > 0) await redis.unlink(...keys);
      return true;
    });
  }

  private groupPrefix(group: string): string {
    return `${REDIS_KEY_PREFIX}cache:${hash(group).slice(0, 16)}:`;
  }

  private redisKey(key: string): string {
    return `${this.groupPrefix(cacheGroup(key))}${hash(key)}`;
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * Concurrent identical calls share one: reads across operations (one upstream call), token requests (one
 * token-endpoint call). A flight stays registered until
 * its leader says `finish` (after writing the cache), so a late arrival finds either the flight or the
 * cached answer, never a gap between the two.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Promise<T>>();

  join(key: string): Promise<T> | undefined {
    return this.flights.get(key);
  }

  start(key: string, flight: Promise<T>): void {
    this.flights.set(key, flight);
  }

  finish(key: string, flight: Promise<T>): void {
    if (this.flights.get(key) === flight) this.flights.delete(key);
  }

  /**
   * Runs `work` unless a flight for `key` is under way, in which case its promise is shared. The flight ends
   * when it settles and nothing is remembered after it, so a failure is retried by the next call (what a
   * token request wants; reads end their flight themselves, after the cache write).
   */
  run(key: string, work: () => Promise<T>): Promise<T> {
    const joined = this.join(key);
    if (joined !== undefined) return joined;
    const flight: Promise<T> = work().finally(() => this.finish(key, flight));
    this.start(key, flight);
    return flight;
  }

  get size(): number {
    return this.flights.size;
  }
}
