import { startRedis } from '../graph/support/startRedis';
import { startGateway, type TestGateway } from '../support/startGateway';
import { until } from '../support/until';

const LARGE = '{ credentialUserRegistrationDetails(first: 39) { nodes { id usageEvents(first: 1) { nodes { id } } } } }';
const SMALL = '{ usersRegisteredByFeature { totalUserCount } }';

/**
 * No starvation (README: How upstream calls are made): under Graph's budget one large operation must not make another caller's small one wait
 * for all of it. Callers are anonymous here (GATEWAY_AUTH=none), so each operation is its own party.
 */
describe.each(['memory', 'redis'] as const)('a fair share of the tenant budget (%s budget)', (kind) => {
  let gw: TestGateway;
  let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
  beforeAll(async () => {
    redis = kind === 'redis' ? await startRedis() : undefined;
    gw = await startGateway({
      // The emulator enforces the same window exactly, so a slot freed too early would show as a 429.
      emulator: { users: 60, rateLimit: { requests: 5, windowSeconds: 2 } },
      // The per-key plan, forced: the large operation must spend 40 requests (the read planner would spend 3).
      env: { GRAPH_LINK_PLAN: 'batch', GRAPH_RATE_LIMIT: '5/2s', GRAPH_CACHE_TTL_SECONDS: '0', LOG_LEVEL: 'warn', ...(redis ? { REDIS_URL: redis.url } : {}) },
    });
  });
  afterAll(async () => {
    await gw?.stop();
    await redis?.stop();
  });

  it("while one operation spends 40 requests, another's 1-request operation waits at most one window plus one slot", async () => {
    const large = gw.query(LARGE, {}, { 'x-gateway-stats': 'true' });
    // The large operation has taken the whole first window.
    await until(() => gw.emulator.log.counted().length >= 5);
    const before = gw.emulator.log.counted().length;
    const small = await gw.query(SMALL);
    expect(small.body.errors).toBeUndefined();

    const counted = gw.emulator.log.counted();
    const position = counted.findIndex((r) => r.path.includes('usersRegisteredByFeature'));
    // Upstream requests of the large operation that went ahead of the small one after it arrived.
    const ahead = position - before;
    expect(ahead).toBeGreaterThanOrEqual(0);
    expect(ahead).toBeLessThanOrEqual(5 + 1);

    const done = await large;
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data!.credentialUserRegistrationDetails.nodes).toHaveLength(39);
    expect(done.body.extensions?.upstream).toMatchObject({ innerRequests: 40, budgetSlots: 40 });
    expect(gw.emulator.log.counted()).toHaveLength(41);
    // The budget kept both within the window upstream enforces: not one 429.
    expect(gw.emulator.log.all().filter((r) => r.status === 429)).toHaveLength(0);
  }, 60_000);
});
