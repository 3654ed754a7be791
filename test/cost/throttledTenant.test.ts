import { startGateway, type TestGateway } from '../support/startGateway';
import { until } from '../support/until';

/**
 * A tenant Graph throttles is throttled for every operation, and each read retries a bounded number of times
 * (README: How upstream calls are made).
 */
describe('a throttled tenant', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ emulator: { users: 20 }, env: { GRAPH_CACHE_TTL_SECONDS: '0', LOG_LEVEL: 'warn', GRAPH_MAX_THROTTLE_RETRIES: '2' } });
  });
  afterAll(() => gw?.stop());
  beforeEach(() => {
    gw.emulator.log.clear();
    gw.emulator.setFaults([]);
  });

  it("holds every operation back until Graph's Retry-After, not only the one that was throttled", async () => {
    gw.emulator.setFaults([{ status: 429, retryAfter: '1', times: 1 }]);
    const first = gw.query('{ credentialUserRegistrationDetails(first: 2) { nodes { id } } }');
    await until(() => gw.emulator.log.all().some((r) => r.status === 429));
    const throttledAt = gw.emulator.log.all().find((r) => r.status === 429)!.at;
    const second = await gw.query('{ usersRegisteredByFeature { totalUserCount } }');
    expect((await first).body.errors).toBeUndefined();
    expect(second.body.errors).toBeUndefined();

    const log = gw.emulator.log.all();
    expect(log.map((r) => r.status)).toEqual([429, 200, 200]);
    // Neither the retry nor the other operation's first request reached Graph before it said to come back.
    for (const record of log.slice(1)) expect(record.at - throttledAt).toBeGreaterThanOrEqual(1_000 - 1);
  });

  it('retries each read at most GRAPH_MAX_THROTTLE_RETRIES times in a storm of 429s, then answers UPSTREAM_THROTTLED', async () => {
    // Every read is throttled, the `$batch` envelopes that carry them are not.
    gw.emulator.setFaults([{ status: 429, retryAfter: '0.05', match: { pathIncludes: 'reports' } }]);
    const res = await gw.query('{ a: credentialUserRegistrationDetails(first: 2) { nodes { id } } b: userRegistrationDetails(first: 2) { nodes { id } } c: usersRegisteredByFeature { totalUserCount } }');
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_THROTTLED', 'UPSTREAM_THROTTLED', 'UPSTREAM_THROTTLED']);
    const counted = gw.emulator.log.counted();
    // Three reads, each sent once and retried twice.
    expect(counted).toHaveLength(3 * 3);
    expect(counted.every((r) => r.status === 429)).toBe(true);
  });
});
