import Redis from 'ioredis';
import { startRedis, type TestRedis } from '../graph/support/startRedis';
import { startGateway, type TestGateway } from '../support/startGateway';
import { until } from '../support/until';

const WORKERS = 6;

interface Outcome {
  readonly at: number;
  readonly ok: boolean;
}

/** Operations that each miss the cache (a new `first` each time), so every one takes budget and cache commands. */
function startLoad(gw: TestGateway): { outcomes: Outcome[]; stop(): Promise<void> } {
  const outcomes: Outcome[] = [];
  let running = true;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (running) {
      next += 1;
      const first = (next % 999) + 1;
      const answer = await gw.query(`{ credentialUserRegistrationDetails(first: ${first}) { nodes { id } } }`).catch(() => undefined);
      const ok = answer?.status === 200 && answer.body.errors === undefined && answer.body.data?.credentialUserRegistrationDetails !== null;
      outcomes.push({ at: Date.now(), ok });
    }
  };
  const workers = Array.from({ length: WORKERS }, worker);
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

const logged = (gw: TestGateway, test: (line: any) => boolean): any[] => gw.logs.map((l) => JSON.parse(l)).filter(test);

describe('a Redis outage under load', () => {
  let redis: TestRedis;
  let gw: TestGateway;

  afterAll(async () => {
    await gw?.stop();
    await redis?.stop();
  });

  it('keeps every operation succeeding from the moment Redis is killed, and uses Redis again once it is back', async () => {
    redis = await startRedis();
    gw = await startGateway({
      emulator: { users: 1_000 },
      // A budget that never makes anyone wait, so that every operation asks the budget (in Redis) for slots.
      env: { REDIS_URL: redis.url, GRAPH_RATE_LIMIT: '100000/1s', LOG_LEVEL: 'debug', REDIS_RETRY_MS: '200' },
    });
    const load = startLoad(gw);
    try {
      await until(() => load.outcomes.length >= 60);
      const port = redis.port;
      const killedAt = Date.now();
      process.kill(redis.pid, 'SIGKILL');
      await redis.exited;
      await until(() => Date.now() - killedAt > 1_000);
      const firstSecond = load.outcomes.filter((o) => o.at > killedAt && o.at <= killedAt + 1_000);

      redis = await startRedis({ port });
      await until(() => logged(gw, (l) => l.redis?.state === 'closed').length > 0);
      const backAt = load.outcomes.length;
      await until(() => load.outcomes.length >= backAt + 30);
      await load.stop();

      // Nothing failed, before, during or after the outage.
      expect(load.outcomes.filter((o) => !o.ok)).toEqual([]);
      // The first second after the kill served operations (each one waiting on a dead connection, as before the
      // breaker, allowed about none); WORKERS operations at a time, so this is a floor far below the real count.
      expect(firstSecond.length).toBeGreaterThanOrEqual(10);
      // The breaker opened once (on the closed connection, or on the commands it failed, whichever ioredis
      // reported first) and closed once, when Redis was back.
      const moves = logged(gw, (l) => l.redis !== undefined).map((l) => l.redis);
      expect(moves.map((m) => m.state)).toEqual(['open', 'closed']);
      expect(moves[1].reason).toBe('ready');
      // Only the commands in flight at the kill failed (each operation has at most a cache read, a budget
      // request and a cache write outstanding); every later operation went local without trying Redis.
      const failedCommands = logged(gw, (l) => l.upstream?.type === 'redisError');
      expect(failedCommands.length).toBeLessThanOrEqual(WORKERS * 3);

      // The restarted Redis started empty: its cache entries and budget window were written after the switch back.
      const inspector = new Redis(redis.url);
      try {
        expect((await inspector.keys('grg:cache:*')).length).toBeGreaterThanOrEqual(20);
        expect(await inspector.keys('grg:budget:*')).toHaveLength(1);
      } finally {
        inspector.disconnect();
      }
    } finally {
      await load.stop();
    }
  }, 60_000);
});
