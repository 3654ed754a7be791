import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { RedisBreaker } from './redisBreaker';
import { type Clock, REDIS_KEY_PREFIX } from './types';

/**
 * A tenant's sliding window of budget slots, counted where the budget is shared: in this process or in Redis.
 * It answers only what is free now and never queues: FairRateBudget decides who gets a free slot.
 *
 * A slot is held from the moment it is taken; until its answer arrives it carries a provisional stamp (now plus
 * `holdMs`, the longest an attempt may last), then `settle` stamps it with the moment the answer arrived. It
 * leaves the window one window after its stamp.
 */
export interface SlotWindow {
  /** Takes up to `max` free slots. With none free, `retryInMs` says when the oldest one leaves the window. */
  take(tenant: string, max: number): Promise<{ readonly ids: readonly string[]; readonly retryInMs: number }>;
  settle(tenant: string, ids: readonly string[]): Promise<void>;
  /** Upstream throttled the tenant: no slot is free before `untilMs` (epoch ms on this process's clock). */
  throttle(tenant: string, untilMs: number): Promise<void>;
}

/** The window of one process. `limit` may be Infinity (no budget): then only throttling holds slots back. */
export class MemorySlotWindow implements SlotWindow {
  private readonly held = new Map<string, Map<string, number>>();
  private readonly notBefore = new Map<string, number>();
  private issued = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly holdMs: number,
    private readonly clock: Clock,
  ) {
    if (!(windowMs > 0)) throw new RangeError(`rate limit window must be positive milliseconds, but got: ${windowMs}`);
  }

  async take(tenant: string, max: number): Promise<{ ids: string[]; retryInMs: number }> {
    const now = this.clock.now();
    const until = this.notBefore.get(tenant);
    if (until !== undefined) {
      if (until > now) return { ids: [], retryInMs: until - now };
      this.notBefore.delete(tenant);
    }
    if (this.limit === Number.POSITIVE_INFINITY) return { ids: Array.from({ length: max }, () => `local:${++this.issued}`), retryInMs: 0 };
    const held = this.held.get(tenant) ?? new Map<string, number>();
    for (const [id, stamp] of held) if (stamp <= now - this.windowMs) held.delete(id);
    const free = this.limit - held.size;
    if (free <= 0) return { ids: [], retryInMs: Math.min(...held.values()) + this.windowMs - now };
    const ids = Array.from({ length: Math.min(free, max) }, () => `local:${++this.issued}`);
    for (const id of ids) held.set(id, now + this.holdMs);
    this.held.set(tenant, held);
    return { ids, retryInMs: 0 };
  }

  async settle(tenant: string, ids: readonly string[]): Promise<void> {
    const held = this.held.get(tenant);
    if (held === undefined) return;
    const now = this.clock.now();
    for (const id of ids) if (held.has(id)) held.set(id, now);
  }

  async throttle(tenant: string, untilMs: number): Promise<void> {
    this.notBefore.set(tenant, Math.max(untilMs, this.notBefore.get(tenant) ?? 0));
  }

  /** Whether this window issued `id` (RedisSlotWindow settles its fallback's slots here). */
  issuedHere(id: string): boolean {
    return id.startsWith('local:');
  }
}

/**
 * MemorySlotWindow.take in Redis, atomic across processes, on Redis's clock so that replicas with skewed clocks
 * still share one window. KEYS: the tenant's slot set (scores are stamps), its not-before key. ARGV: windowMs,
 * limit, max, holdMs. Returns {slots taken, ms until one frees}; the slots are members ARGV[5]..':'..1..n.
 */
export const takeSlotsScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = tonumber(redis.call('GET', KEYS[2]) or '0')
if untilMs > now then return {0, untilMs - now} end
local windowMs = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - windowMs)
local free = tonumber(ARGV[2]) - redis.call('ZCARD', KEYS[1])
if free <= 0 then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, tonumber(oldest[2]) + windowMs - now}
end
local n = math.min(free, tonumber(ARGV[3]))
for i = 1, n do redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[5] .. ':' .. i) end
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) + windowMs + 1000)
return {n, 0}
`;

/** Stamps the slots ARGV (those still held) with Redis's now. */
export const settleSlotsScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for i = 1, #ARGV do redis.call('ZADD', KEYS[1], 'XX', now, ARGV[i]) end
return 0
`;

/** Moves the tenant's not-before to Redis's now + ARGV[1] ms, never earlier than it already is. */
export const throttleScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then redis.call('SET', KEYS[1], untilMs, 'PX', tonumber(ARGV[1]) + 1000) end
return 0
`;

type SlotRedis = Redis & {
  grgTakeSlots(slots: string, notBefore: string, windowMs: number, limit: number, max: number, holdMs: number, prefix: string): Promise<[number, number]>;
  grgSettleSlots(slots: string, ...ids: string[]): Promise<number>;
  grgThrottle(notBefore: string, forMs: number): Promise<number>;
};

/**
 * The window shared by every gateway process on the same Redis, since Graph counts per app and tenant, not per
 * process. While Redis is away (the breaker is open, or a command fails), this process uses its own window: a
 * budget that errs is worse than one that is only locally right.
 */
export class RedisSlotWindow implements SlotWindow {
  private readonly redis: SlotRedis;

  constructor(
    private readonly breaker: RedisBreaker,
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly holdMs: number,
    private readonly clock: Clock,
    private readonly fallback: MemorySlotWindow,
  ) {
    const redis = breaker.redis;
    redis.defineCommand('grgTakeSlots', { numberOfKeys: 2, lua: takeSlotsScript });
    redis.defineCommand('grgSettleSlots', { numberOfKeys: 1, lua: settleSlotsScript });
    redis.defineCommand('grgThrottle', { numberOfKeys: 1, lua: throttleScript });
    this.redis = redis as SlotRedis;
  }

  async take(tenant: string, max: number): Promise<{ ids: readonly string[]; retryInMs: number }> {
    const prefix = randomUUID();
    const reply = await this.breaker.call('budget', () =>
      this.redis.grgTakeSlots(slotsKey(tenant), notBeforeKey(tenant), this.windowMs, this.limit, max, this.holdMs, prefix),
    );
    if (reply === undefined) return this.fallback.take(tenant, max);
    const [taken, retryInMs] = reply;
    return { ids: Array.from({ length: taken }, (_, i) => `${prefix}:${i + 1}`), retryInMs };
  }

  async settle(tenant: string, ids: readonly string[]): Promise<void> {
    const local = ids.filter((id) => this.fallback.issuedHere(id));
    if (local.length > 0) await this.fallback.settle(tenant, local);
    const shared = ids.filter((id) => !this.fallback.issuedHere(id));
    // A slot left unsettled (Redis away) keeps its provisional stamp: held a little long, never too short.
    if (shared.length > 0) await this.breaker.call('budget', () => this.redis.grgSettleSlots(slotsKey(tenant), ...shared));
  }

  async throttle(tenant: string, untilMs: number): Promise<void> {
    await this.fallback.throttle(tenant, untilMs);
    const forMs = Math.max(1, Math.ceil(untilMs - this.clock.now()));
    await this.breaker.call('budget', () => this.redis.grgThrottle(notBeforeKey(tenant), forMs));
  }
}

function slotsKey(tenant: string): string {
  return `${REDIS_KEY_PREFIX}budget:${tenant}`;
}

function notBeforeKey(tenant: string): string {
  return `${REDIS_KEY_PREFIX}throttled:${tenant}`;
}
