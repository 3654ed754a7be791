import { once } from 'node:events';
import Redis from 'ioredis';
import { MemoryRateBudget } from '../../../src/graph/budget';
import { RedisRateBudget } from '../../../src/graph/budget';
import { RedisBreaker } from '../../../src/graph/redisBreaker';
import { GraphThrottledError } from '../../../src/graph/errors';
import type { GraphCallEvent } from '../../../src/graph/types';
import { systemClock } from '../../../src/graph/types';
import { startRedis } from '../support/startRedis';

let redis: Awaited<ReturnType<typeof startRedis>>;
const clients: Redis[] = [];

async function budget(limit: number, windowMs: number, events: GraphCallEvent[] = []): Promise<RedisRateBudget> {
  // One connection per budget, as two gateway processes would have; ready before use, as the pipeline's is.
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  clients.push(client);
  await once(client, 'ready');
  const breaker = new RedisBreaker(client, 5_000, systemClock, (e) => events.push(e));
  return new RedisRateBudget(breaker, limit, windowMs, systemClock, new MemoryRateBudget(limit, windowMs, systemClock));
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
  await redis?.stop();
});

describe('RedisRateBudget', () => {
  it('shares one window between two processes: slots taken by one are missing for the other', async () => {
    const first = await budget(5, 60_000);
    const second = await budget(5, 60_000);
    await expect(first.acquire('shared', 3, Date.now() + 1_000)).resolves.toBe(0);
    await expect(second.acquire('shared', 2, Date.now() + 1_000)).resolves.toBe(0);
    const refusal = await second.acquire('shared', 1, Date.now() + 1_000).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GraphThrottledError);
    expect((refusal as GraphThrottledError).retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect((refusal as GraphThrottledError).retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('makes a caller wait for the window to slide, at least until the oldest slot leaves it', async () => {
    const first = await budget(2, 400);
    const second = await budget(2, 400);
    await first.acquire('sliding', 2, Date.now() + 5_000);
    const before = Date.now();
    const waited = await second.acquire('sliding', 1, Date.now() + 5_000);
    expect(waited).toBeGreaterThan(0);
    expect(Date.now() - before).toBeGreaterThanOrEqual(waited - 1);
  });

  it('reserves nothing for a refused caller, and keeps tenants apart', async () => {
    const shared = await budget(1, 60_000);
    await shared.acquire('a', 1, Date.now());
    await expect(shared.acquire('a', 1, Date.now() + 10)).rejects.toBeInstanceOf(GraphThrottledError);
    await expect(shared.acquire('b', 1, Date.now())).resolves.toBe(0);
    const keys = await clients[0]!.keys('grg:budget:*');
    expect(keys.sort()).toEqual(['grg:budget:a', 'grg:budget:b', 'grg:budget:shared', 'grg:budget:sliding']);
    expect(await clients[0]!.zcard('grg:budget:a')).toBe(1);
  });

  it('uses its own in-memory budget while Redis is away, and says so in the log once', async () => {
    const events: GraphCallEvent[] = [];
    const lonely = await budget(3, 60_000, events);
    // Disconnected here, so afterAll must not quit it again.
    const client = clients.pop()!;
    const closed = once(client, 'end');
    client.disconnect();
    await closed;
    await expect(lonely.acquire('offline', 3, Date.now() + 1_000)).resolves.toBe(0);
    await expect(lonely.acquire('offline', 1, Date.now() + 1_000)).rejects.toBeInstanceOf(GraphThrottledError);
    // The connection closed: the breaker opened on ioredis' event, so neither acquire tried Redis.
    expect(events).toEqual([{ type: 'redis', state: 'open', reason: 'connectionClosed' }]);
  });
});
