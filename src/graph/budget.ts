import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { GraphThrottledError } from './errors';
import type { RedisBreaker } from './redisBreaker';
import { type Clock, REDIS_KEY_PREFIX } from './types';

/**
 * Extra time a budget slot stays taken beyond the window: our slot is stamped before the request leaves,
 * upstream stamps it on arrival, so without a margin a slow first request and a fast later one could meet
 * in one upstream window.
 */
export const BUDGET_SAFETY_MARGIN_MS = 250;

/**
 * The upstream budget: `limit` requests per sliding window per tenant, every inner `$batch` request taking
 * a slot. Callers queue for slots instead of provoking 429s.
 */
export interface RateBudget {
  /** Most slots one `acquire` may take (the window's size); callers split bigger envelopes. */
  readonly maxSlots: number;
  /**
   * Takes `slots` slots of `tenant`'s window, waiting in arrival order until they are free. Resolves with the
   * milliseconds waited; rejects at once with GraphThrottledError when they cannot be had by `deadline`.
   */
  acquire(tenant: string, slots: number, deadline: number): Promise<number>;
}

/** No budget (`rateLimit: null`, e.g. against the emulator): every slot is free at once. */
export const unlimitedBudget: RateBudget = {
  maxSlots: Number.POSITIVE_INFINITY,
  acquire: async () => 0,
};

/**
 * When `slots` more requests fit into a sliding window of `windowMs` holding at most `limit`, given the
 * times already taken (ascending). The window at time t is (t - windowMs, t].
 *
 * Never earlier than the last slot taken: slots are handed out in arrival order (FIFO), so a small request
 * cannot overtake a big one that is already waiting. Because of that, only slots up to the answer matter,
 * and a single jump (to when the k-th oldest slot leaves the window) is always enough.
 */
export function earliestSlotTime(
  taken: readonly number[],
  now: number,
  windowMs: number,
  limit: number,
  slots: number,
): number {
  if (slots > limit) throw new RangeError(`slots must be at most the window's ${limit}, but got: ${slots}`);
  const start = Math.max(now, taken[taken.length - 1] ?? now);
  let first = 0;
  while (first < taken.length && (taken[first] as number) <= start - windowMs) first += 1;
  const overflow = taken.length - first + slots - limit;
  if (overflow <= 0) return start;
  return (taken[first + overflow - 1] as number) + windowMs;
}

/**
 * The budget of one process. Each acquire reserves its slots at the earliest time they fit (possibly in the
 * future) and then sleeps until then, so the queue is the list of reservations itself: FIFO by
 * construction, and a caller learns at once whether its turn comes before its deadline.
 */
export class MemoryRateBudget implements RateBudget {
  private readonly taken = new Map<string, number[]>();

  constructor(
    readonly maxSlots: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {
    if (!Number.isInteger(maxSlots) || maxSlots < 1) {
      throw new RangeError(`rate limit requests must be a positive integer, but got: ${maxSlots}`);
    }
    if (!(windowMs > 0)) throw new RangeError(`rate limit window must be positive milliseconds, but got: ${windowMs}`);
  }

  async acquire(tenant: string, slots: number, deadline: number): Promise<number> {
    if (!Number.isInteger(slots) || slots < 1 || slots > this.maxSlots) {
      throw new RangeError(`slots must be between 1 and ${this.maxSlots}, but got: ${slots}`);
    }
    const now = this.clock.now();
    const taken = (this.taken.get(tenant) ?? []).filter((at) => at > now - this.windowMs);
    const at = earliestSlotTime(taken, now, this.windowMs, this.maxSlots, slots);
    if (at > deadline) {
      this.store(tenant, taken);
      throw new GraphThrottledError(
        `the upstream budget of ${this.maxSlots} requests per ${this.windowMs} ms has no ${slots} free slots before the operation deadline`,
        Math.max(1, Math.ceil((at - now) / 1000)),
      );
    }
    for (let i = 0; i < slots; i += 1) taken.push(at);
    this.store(tenant, taken);
    const waitMs = at - now;
    if (waitMs > 0) await this.clock.sleep(waitMs);
    return waitMs;
  }

  private store(tenant: string, taken: number[]): void {
    if (taken.length === 0) this.taken.delete(tenant);
    else this.taken.set(tenant, taken);
  }
}

/**
 * The Redis twin of MemoryRateBudget.acquire, atomic across processes: a sorted set per tenant whose scores
 * are slot times (possibly in the future), the same single jump as earliestSlotTime. Redis' own clock is
 * the time base so processes with skewed clocks still share one window; the caller gets back how long to
 * wait, not a timestamp.
 *
 * KEYS[1] the tenant's set. ARGV: windowMs, limit, slots, maxWaitMs, unique member prefix.
 * Returns {1, waitMs} when reserved, {0, waitMs} when the wait would exceed maxWaitMs (nothing reserved).
 */
export const reserveSlotsScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local windowMs = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local slots = tonumber(ARGV[3])
local maxWait = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
local taken = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
local count = #taken / 2
local at = now
if count > 0 and tonumber(taken[count * 2]) > at then at = tonumber(taken[count * 2]) end
local first = 1
while first <= count and tonumber(taken[first * 2]) <= at - windowMs do first = first + 1 end
local overflow = (count - first + 1) + slots - limit
if overflow > 0 then at = tonumber(taken[(first + overflow - 1) * 2]) + windowMs end
if at - now > maxWait then return {0, at - now} end
for i = 1, slots do redis.call('ZADD', KEYS[1], at, ARGV[5] .. ':' .. i) end
redis.call('PEXPIRE', KEYS[1], at - now + windowMs + 1000)
return {1, at - now}
`;

type ReservingRedis = Redis & {
  grgReserveSlots(key: string, windowMs: number, limit: number, slots: number, maxWaitMs: number, member: string): Promise<[number, number]>;
};

/**
 * The budget shared by every gateway process that uses the same Redis, since Graph counts per app and
 * tenant, not per process. While Redis is away (the breaker is open, or the command fails), this process
 * uses its own in-memory budget: a budget that errs is worse than one that is only locally right.
 */
export class RedisRateBudget implements RateBudget {
  private readonly redis: ReservingRedis;

  constructor(
    private readonly breaker: RedisBreaker,
    readonly maxSlots: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
    private readonly fallback: RateBudget,
  ) {
    const redis = breaker.redis;
    redis.defineCommand('grgReserveSlots', { numberOfKeys: 1, lua: reserveSlotsScript });
    this.redis = redis as ReservingRedis;
  }

  async acquire(tenant: string, slots: number, deadline: number): Promise<number> {
    if (!Number.isInteger(slots) || slots < 1 || slots > this.maxSlots) {
      throw new RangeError(`slots must be between 1 and ${this.maxSlots}, but got: ${slots}`);
    }
    const maxWaitMs = Math.max(0, deadline - this.clock.now());
    const reply = await this.breaker.call('budget', () =>
      this.redis.grgReserveSlots(`${REDIS_KEY_PREFIX}budget:${tenant}`, this.windowMs, this.maxSlots, slots, maxWaitMs, randomUUID()),
    );
    if (reply === undefined) return this.fallback.acquire(tenant, slots, deadline);
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
