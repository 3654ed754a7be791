import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { Clock } from '../Clock';
import { GraphThrottledError } from '../errors/GraphThrottledError';
import type { GraphCallEvent } from '../GraphCallEvent';
import { REDIS_KEY_PREFIX } from '../graphDefaults';
import type { RateBudget } from './RateBudget';
import { reserveSlotsScript } from './reserveSlotsScript';

type ReservingRedis = Redis & {
  grgReserveSlots(key: string, windowMs: number, limit: number, slots: number, maxWaitMs: number, member: string): Promise<[number, number]>;
};

/**
 * The budget shared by every gateway process that uses the same Redis, since Graph counts per app and
 * tenant, not per process. When Redis fails, this process falls back to its own in-memory budget: a
 * budget that errs is worse than one that is only locally right.
 */
export class RedisRateBudget implements RateBudget {
  private readonly redis: ReservingRedis;

  constructor(
    redis: Redis,
    readonly maxSlots: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
    private readonly fallback: RateBudget,
    private readonly log: (event: GraphCallEvent) => void,
  ) {
    redis.defineCommand('grgReserveSlots', { numberOfKeys: 1, lua: reserveSlotsScript });
    this.redis = redis as ReservingRedis;
  }

  async acquire(tenant: string, slots: number, deadline: number): Promise<number> {
    if (!Number.isInteger(slots) || slots < 1 || slots > this.maxSlots) {
      throw new RangeError(`slots must be between 1 and ${this.maxSlots}, but got: ${slots}`);
    }
    const maxWaitMs = Math.max(0, deadline - this.clock.now());
    let reply: [number, number];
    try {
      reply = await this.redis.grgReserveSlots(
        `${REDIS_KEY_PREFIX}budget:${tenant}`, this.windowMs, this.maxSlots, slots, maxWaitMs, randomUUID(),
      );
    } catch (error) {
      this.log({ type: 'budgetError', errorName: error instanceof Error ? error.name : 'unknown' });
      return this.fallback.acquire(tenant, slots, deadline);
    }
    const [reserved, waitMs] = reply;
    if (reserved !== 1) {
      throw new GraphThrottledError(
        `the upstream budget of ${this.maxSlots} requests per ${this.windowMs} ms has no ${slots} free slots before the operation deadline`,
        Math.max(1, Math.ceil(waitMs / 1000)),
      );
    }
    if (waitMs > 0) await this.clock.sleep(waitMs);
    return waitMs;
  }
}
