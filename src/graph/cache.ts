import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import type { RedisBreaker } from './redisBreaker';
import { type GraphRequest, type GraphResponse, REDIS_KEY_PREFIX } from './types';

/**
 * The identity of a read for dedupe, single-flight and cache. The principal is part of it: two callers
 * with different rights must never share an answer, even for the same URL.
 */
export function canonicalKey(request: GraphRequest, principal: string): string {
  return `${principal}\n${request.method} /${request.version}${request.url}`;
}

/**
 * 2xx GET answers shared across operations, keyed by `canonicalKey` (principal included). Never throws:
 * a cache that fails is a miss, not a failed read.
 */
export interface ResponseCache {
  get(key: string): Promise<GraphResponse | undefined>;
  set(key: string, response: GraphResponse): Promise<void>;
}

/** `cache.ttlMs: 0`: nothing is kept. */
export const noResponseCache: ResponseCache = {
  get: async () => undefined,
  set: async () => undefined,
};

/** The process's own cache: least recently used entries go first once `maxEntries` is reached. */
export class MemoryResponseCache implements ResponseCache {
  private readonly entries: LRUCache<string, GraphResponse>;

  constructor(ttlMs: number, maxEntries: number) {
    this.entries = new LRUCache<string, GraphResponse>({ max: maxEntries, ttl: ttlMs, ttlAutopurge: false });
  }

  async get(key: string): Promise<GraphResponse | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, response: GraphResponse): Promise<void> {
    this.entries.set(key, response);
  }
}

/**
 * The cache shared by every gateway process on one Redis. Keys are hashed: the canonical key holds filter
 * values (user data) that have no business in Redis' key space. Values are JSON with a PX expiry. While
 * Redis is away (the breaker is open, or the command fails), the process's own cache stands in.
 */
export class RedisResponseCache implements ResponseCache {
  constructor(
    private readonly breaker: RedisBreaker,
    private readonly ttlMs: number,
    private readonly fallback: ResponseCache,
  ) {}

  async get(key: string): Promise<GraphResponse | undefined> {
    const value = await this.breaker.call('cacheGet', async (redis) => {
      const json = await redis.get(this.redisKey(key));
      return json === null ? null : (JSON.parse(json) as GraphResponse);
    });
    if (value === undefined) return this.fallback.get(key);
    return value ?? undefined;
  }

  async set(key: string, response: GraphResponse): Promise<void> {
    const stored = await this.breaker.call('cacheSet', (redis) => redis.set(this.redisKey(key), JSON.stringify(response), 'PX', this.ttlMs));
    if (stored === undefined) await this.fallback.set(key, response);
  }

  private redisKey(key: string): string {
    return `${REDIS_KEY_PREFIX}cache:${createHash('sha256').update(key).digest('base64url')}`;
  }
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
