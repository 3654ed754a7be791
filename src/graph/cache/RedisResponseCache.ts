import { createHash } from 'node:crypto';
import type Redis from 'ioredis';
import type { GraphCallEvent } from '../GraphCallEvent';
import { REDIS_KEY_PREFIX } from '../graphDefaults';
import type { GraphResponse } from '../GraphResponse';
import type { ResponseCache } from './ResponseCache';

/**
 * The cache shared by every gateway process on one Redis. Keys are hashed: the canonical key holds filter
 * values (user data) that have no business in Redis' key space. Values are JSON with a PX expiry.
 */
export class RedisResponseCache implements ResponseCache {
  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
    private readonly log: (event: GraphCallEvent) => void,
  ) {}

  async get(key: string): Promise<GraphResponse | undefined> {
    try {
      const value = await this.redis.get(this.redisKey(key));
      return value === null ? undefined : (JSON.parse(value) as GraphResponse);
    } catch (error) {
      this.log({ type: 'cacheError', operation: 'get', errorName: error instanceof Error ? error.name : 'unknown' });
      return undefined;
    }
  }

  async set(key: string, response: GraphResponse): Promise<void> {
    try {
      await this.redis.set(this.redisKey(key), JSON.stringify(response), 'PX', this.ttlMs);
    } catch (error) {
      this.log({ type: 'cacheError', operation: 'set', errorName: error instanceof Error ? error.name : 'unknown' });
    }
  }

  private redisKey(key: string): string {
    return `${REDIS_KEY_PREFIX}cache:${createHash('sha256').update(key).digest('base64url')}`;
  }
}
