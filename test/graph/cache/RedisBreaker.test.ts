import Redis from 'ioredis';
import type { Emulator } from '../../../src/emulator/emulator';
import { startEmulator } from '../../../src/emulator/emulator';
import { createGraphPipeline } from '../../../src/graph/pipeline';
import { REDIS_BREAKER_FAILURES } from '../../../src/graph/redisBreaker';
import type { GraphCallEvent, GraphPipeline, GraphRequest } from '../../../src/graph/types';
import { startOperation } from '../support/startOperation';
import { startRedis, type TestRedis } from '../support/startRedis';
import { testPipelineOptions } from '../support/testPipelineOptions';

const RETRY_MS = 3_000;
const read = (n: number): GraphRequest => ({
  method: 'GET',
  version: 'beta',
  url: `/reports/credentialUserRegistrationDetails?$top=${n}`,
});

let emulator: Emulator;
let redis: TestRedis;
let inspector: Redis;
let pipeline: GraphPipeline;
const events: GraphCallEvent[] = [];
const redisEvents = (): GraphCallEvent[] => events.filter((e) => e.type === 'redis' || e.type === 'redisError');

/** Resolves once the breaker has logged a move to `state` (bounded by the test's timeout). */
function breakerMoved(state: 'open' | 'closed'): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (events.some((e) => e.type === 'redis' && e.state === state)) resolve(clearInterval(poll));
    }, 10);
  });
}

beforeAll(async () => {
  emulator = await startEmulator({ users: 30 });
  redis = await startRedis();
  inspector = new Redis(redis.url, { lazyConnect: true, enableOfflineQueue: false });
  await inspector.connect();
  pipeline = await createGraphPipeline(
    testPipelineOptions(emulator.url, {
      cache: { ttlMs: 60_000, staleMs: 0, maxEntries: 100, maxBytes: 1 << 20 },
      rateLimit: { requests: 1_000, windowMs: 1_000 },
      redis: { url: redis.url, commandTimeoutMs: 150, retryMs: RETRY_MS },
      log: (event) => events.push(event),
    }),
  );
});

afterAll(async () => {
  await pipeline.close();
  inspector.disconnect();
  await redis.stop();
  await emulator.stop();
});

describe('the Redis breaker', () => {
  it(`opens after ${REDIS_BREAKER_FAILURES} timed-out commands on a hung Redis, serves from memory meanwhile, and closes once Redis answers again`, async () => {
    await startOperation(pipeline).upstream.load(read(1));
    expect(await inspector.keys('grg:*')).toHaveLength(2); // one cache entry, one budget window
    events.length = 0;

    process.kill(redis.pid, 'SIGSTOP');
    try {
      // Sequential reads: the first one's cache read, budget and cache write time out, then none is tried.
      for (let n = 2; n <= 21; n += 1) {
        await expect(startOperation(pipeline).upstream.load(read(n))).resolves.toMatchObject({ status: 200 });
      }
      // 20 reads would make 60 commands; the breaker let through its threshold, plus the first read's cache
      // write, which runs after the read has answered and so overlaps the second read's cache lookup.
      const failed = redisEvents().filter((e) => e.type === 'redisError');
      expect(failed.length).toBeGreaterThanOrEqual(REDIS_BREAKER_FAILURES);
      expect(failed.length).toBeLessThanOrEqual(REDIS_BREAKER_FAILURES + 1);
      expect(redisEvents().filter((e) => e.type === 'redis')).toEqual([{ type: 'redis', state: 'open', reason: 'commandsFailed' }]);
      // While open, the in-process cache stands in: a repeat costs nothing upstream.
      const counted = emulator.log.counted().length;
      const { upstream, stats } = startOperation(pipeline);
      await upstream.load(read(21));
      expect(stats.cacheHits).toBe(1);
      expect(emulator.log.counted()).toHaveLength(counted);
    } finally {
      process.kill(redis.pid, 'SIGCONT');
    }

    // Half-open after RETRY_MS: the next read tries Redis again, and its answer closes the breaker.
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS + 50));
    events.length = 0;
    await startOperation(pipeline).upstream.load(read(22));
    expect(redisEvents()).toContainEqual({ type: 'redis', state: 'closed', reason: 'commandsAnswered' });
    expect(redisEvents().filter((e) => e.type === 'redisError')).toEqual([]);
    expect((await inspector.keys('grg:cache:*')).length).toBeGreaterThanOrEqual(2);
  });

  it('opens at once when the connection closes (Redis killed), without a failed command, and closes when Redis is back', async () => {
    events.length = 0;
    const port = redis.port;
    inspector.disconnect();
    process.kill(redis.pid, 'SIGKILL');
    await redis.exited;
    await breakerMoved('open');
    for (let n = 30; n < 40; n += 1) {
      await expect(startOperation(pipeline).upstream.load(read(n))).resolves.toMatchObject({ status: 200 });
    }
    expect(redisEvents()).toEqual([{ type: 'redis', state: 'open', reason: 'connectionClosed' }]);

    redis = await startRedis({ port });
    await breakerMoved('closed');
    expect(redisEvents()).toEqual([
      { type: 'redis', state: 'open', reason: 'connectionClosed' },
      { type: 'redis', state: 'closed', reason: 'ready' },
    ]);
    inspector = new Redis(redis.url, { lazyConnect: true });
    await inspector.connect();
    await startOperation(pipeline).upstream.load(read(40));
    // The restarted Redis is empty: what it holds now was written after the switch back.
    expect((await inspector.keys('grg:*')).sort()).toEqual([expect.stringMatching(/^grg:budget:/), expect.stringMatching(/^grg:cache:/)]);
  });
});
