import { startEmulator } from '../../src/emulator/emulator';
import { startRedis } from '../graph/support/startRedis';
import { startGatewayProcess } from '../support/startGatewayProcess';
import { startGateway } from '../support/startGateway';

const QUERY = '{ credentialUserRegistrationDetails(first: 7) { nodes { id userPrincipalName } } }';

async function post(url: string, query: string): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return res.json();
}

describe('reads shared across operations', () => {
  it('50 concurrent identical operations cost one upstream request, and a repeat within the TTL none', async () => {
    const gw = await startGateway({ emulator: { users: 20, latencyMs: 100 } });
    try {
      const answers = await Promise.all(Array.from({ length: 50 }, () => gw.query(QUERY)));
      for (const a of answers) expect(a.body.data!.credentialUserRegistrationDetails.nodes).toHaveLength(7);
      expect(gw.emulator.log.counted()).toHaveLength(1);
      const repeat = await gw.query(QUERY, undefined, { 'x-gateway-stats': 'true' });
      expect(repeat.body.extensions!.upstream).toMatchObject({ cacheHits: 1, httpRequests: 0 });
      expect(gw.emulator.log.counted()).toHaveLength(1);
    } finally {
      await gw.stop();
    }
  });

  it('two gateway processes sharing one real Redis: the second answers a repeat from the cache', async () => {
    const redis = await startRedis();
    const emulator = await startEmulator({ users: 20 });
    const env = { GRAPH_URL: emulator.url, REDIS_URL: redis.url, LOG_LEVEL: 'warn' };
    const [a, b] = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
    try {
      const first = await post(a.url, QUERY);
      expect(first.data.credentialUserRegistrationDetails.nodes).toHaveLength(7);
      expect(emulator.log.counted()).toHaveLength(1);
      const second = await post(b.url, QUERY);
      expect(second.data).toEqual(first.data);
      expect(second.extensions).toEqual({ cache: { ageSeconds: expect.any(Number), stale: false } });
      expect(emulator.log.counted()).toHaveLength(1);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await emulator.stop();
      await redis.stop();
    }
  }, 60_000);
});
