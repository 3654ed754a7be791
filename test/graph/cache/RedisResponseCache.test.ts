import Redis from 'ioredis';
import type { Emulator } from '../../../src/emulator/emulator';
import { startEmulator } from '../../../src/emulator/emulator';
import { createGraphPipeline } from '../../../src/graph/pipeline';
import { GraphHttpError } from '../../../src/graph/errors';
import type { GraphPipeline } from '../../../src/graph/types';
import type { GraphRequest } from '../../../src/graph/types';
import { startOperation } from '../support/startOperation';
import { startRedis } from '../support/startRedis';
import { testPipelineOptions } from '../support/testPipelineOptions';

const read: GraphRequest = { method: 'GET', version: 'beta', url: "/reports/credentialUserRegistrationDetails?$filter=startswith(userPrincipalName,'a')&$top=3" };
const TTL_MS = 30_000;

let emulator: Emulator;
let redis: Awaited<ReturnType<typeof startRedis>>;
let inspector: Redis;
let first: GraphPipeline;
let second: GraphPipeline;

beforeAll(async () => {
  emulator = await startEmulator({ users: 30 });
  redis = await startRedis();
  inspector = new Redis(redis.url);
  // Two pipelines stand for two gateway processes behind one load balancer.
  const options = testPipelineOptions(emulator.url, {
    cache: { ttlMs: TTL_MS, staleMs: 0, maxEntries: 10, maxBytes: 1 << 20 },
    redis: { url: redis.url, commandTimeoutMs: 1_000, retryMs: 500 },
  });
  first = await createGraphPipeline(options);
  second = await createGraphPipeline(options);
});

beforeEach(() => {
  emulator.setFaults([]);
  emulator.log.clear();
});

afterAll(async () => {
  // Each part may be missing when beforeAll failed (no redis-server): close what exists, so Jest can exit.
  await first?.close();
  await second?.close();
  await inspector?.quit();
  await redis?.stop();
  await emulator?.stop();
});

describe('RedisResponseCache', () => {
  it('lets a second process answer a repeat from the shared cache with no upstream call', async () => {
    const answer = await startOperation(first).upstream.load(read);
    expect(emulator.log.counted()).toHaveLength(1);
    const { upstream, stats } = startOperation(second);
    await expect(upstream.load(read)).resolves.toEqual(answer);
    expect(emulator.log.counted()).toHaveLength(1);
    expect(stats).toMatchObject({ cacheHits: 1, httpRequests: 0 });
  });

  it('stores entries under hashed grg: keys with a PX expiry, with no query text in the key', async () => {
    const keys = await inspector.keys('grg:cache:*');
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain('userPrincipalName');
    const ttl = await inspector.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(TTL_MS);
  });

  it('keeps principals apart in the shared cache', async () => {
    await startOperation(second, { principal: 'someone-else' }).upstream.load(read);
    expect(emulator.log.counted()).toHaveLength(1);
    expect(await inspector.keys('grg:cache:*')).toHaveLength(2);
  });

  it('never caches an error', async () => {
    const failing: GraphRequest = { ...read, url: `${read.url}&$orderby=userPrincipalName` };
    emulator.setFaults([{ status: 404, times: 1 }]);
    await expect(startOperation(first).upstream.load(failing)).rejects.toBeInstanceOf(GraphHttpError);
    await expect(startOperation(second).upstream.load(failing)).resolves.toMatchObject({ status: 200 });
    expect(emulator.log.counted().map((r) => r.status)).toEqual([404, 200]);
  });

  it("a create drops the creating principal's cached reads of that collection from Redis, for every process", async () => {
    const list: GraphRequest = { method: 'GET', version: 'beta', url: '/reports/credentialUserRegistrationDetails?$top=2' };
    await startOperation(first).upstream.load(list);
    await startOperation(first, { principal: 'someone-else' }).upstream.load(list);
    const before = (await inspector.keys('grg:cache:*')).length;
    await startOperation(second).upstream.send({
      method: 'POST',
      version: 'beta',
      url: '/reports/credentialUserRegistrationDetails',
      body: { userPrincipalName: 'new@contoso.onmicrosoft.com', userDisplayName: 'New', authMethods: [], isRegistered: false, isEnabled: true, isCapable: false, isMfaRegistered: false },
    });
    // Every read of the collection by `app` (this one and two from the tests above) is gone; someone else's stay.
    expect(await inspector.keys('grg:cache:*')).toHaveLength(before - 3);
    emulator.log.clear();
    await startOperation(first).upstream.load(list);
    await startOperation(first, { principal: 'someone-else' }).upstream.load(list);
    expect(emulator.log.counted()).toHaveLength(1);
  });
});
