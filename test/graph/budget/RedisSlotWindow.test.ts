import { once } from 'node:events';
import Redis from 'ioredis';
import { FairRateBudget } from '../../../src/graph/budget';
import { RedisBreaker } from '../../../src/graph/redisBreaker';
import { MemorySlotWindow, RedisSlotWindow } from '../../../src/graph/slotWindow';
import type { GraphCallEvent } from '../../../src/graph/types';
import { systemClock } from '../../../src/graph/types';
import { startRedis } from '../support/startRedis';

let redis: Awaited<ReturnType<typeof startRedis>>;
const clients: Redis[] = [];

async function windowOf(limit: number, windowMs: number, events: GraphCallEvent[] = []): Promise<RedisSlotWindow> {
  // One connection per window, as two gateway processes would have; ready before use, as the pipeline's is.
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  clients.push(client);
  await once(client, 'ready');
  const breaker = new RedisBreaker(client, 5_000, systemClock, (e) => events.push(e));
  return new RedisSlotWindow(breaker, limit, windowMs, 30_000, systemClock, new MemorySlotWindow(limit, windowMs, 30_000, systemClock));
}

beforeAll(async () => {
  redis = await startRedis();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
  await redis?.stop();
});

describe('RedisSlotWindow', () => {
  it('shares one window between two processes: slots taken by one are missing for the other', async () => {
    const first = await windowOf(5, 60_000);
    const second = await windowOf(5, 60_000);
    expect((await first.take('shared', 3)).ids).toHaveLength(3);
    const rest = await second.take('shared', 5);
    expect(rest.ids).toHaveLength(2);
    const none = await second.take('shared', 1);
    expect(none.ids).toHaveLength(0);
    // Unsettled slots carry their provisional stamp (now + 30 s hold), so they leave the window later still.
    expect(none.retryInMs).toBeGreaterThan(60_000);
  });

  it('frees a slot one window after it was settled', async () => {
    const first = await windowOf(1, 300);
    const second = await windowOf(1, 300);
    const { ids } = await first.take('settled', 1);
    await first.settle('settled', ids);
    const none = await second.take('settled', 1);
    expect(none.ids).toHaveLength(0);
    expect(none.retryInMs).toBeLessThanOrEqual(300);
    await new Promise((resolve) => setTimeout(resolve, none.retryInMs + 5));
    expect((await second.take('settled', 1)).ids).toHaveLength(1);
  });

  it('shares the throttled tenant between processes: no slot before the not-before time', async () => {
    const first = await windowOf(5, 60_000);
    const second = await windowOf(5, 60_000);
    await first.throttle('throttled', Date.now() + 5_000);
    const none = await second.take('throttled', 1);
    expect(none.ids).toHaveLength(0);
    expect(none.retryInMs).toBeGreaterThan(4_000);
    expect((await second.take('other', 1)).ids).toHaveLength(1);
  });

  it('lets FairRateBudget wait for the shared window to slide', async () => {
    const budget = new FairRateBudget(2, await windowOf(2, 400), systemClock, 400);
    const other = await windowOf(2, 400);
    await other.settle('sliding', (await other.take('sliding', 2)).ids);
    const grant = await budget.acquire({ tenant: 'sliding', party: 'a', slots: 1, deadline: Date.now() + 5_000 });
    expect(grant.slots).toBe(1);
    expect(grant.waitMs).toBeGreaterThan(0);
    grant.settle();
  });

  it('uses its own in-memory window while Redis is away, and says so in the log once', async () => {
    const events: GraphCallEvent[] = [];
    const lonely = await windowOf(3, 60_000, events);
    // Disconnected here, so afterAll must not quit it again.
    const client = clients.pop()!;
    const closed = once(client, 'end');
    client.disconnect();
    await closed;
    expect((await lonely.take('offline', 3)).ids).toHaveLength(3);
    expect((await lonely.take('offline', 1)).ids).toHaveLength(0);
    // The connection closed: the breaker opened on ioredis' event, so neither take tried Redis.
    expect(events).toEqual([{ type: 'redis', state: 'open', reason: 'connectionClosed' }]);
  });
});
