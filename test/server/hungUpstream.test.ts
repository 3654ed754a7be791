import { startGateway } from '../support/startGateway';

const HUNG = 'userCredentialUsageDetails';
const SHARE = 4;
const HUNG_OPERATIONS = 70;

describe('a hung upstream report', () => {
  it(`holds at most its share of sockets (${SHARE} here), so an unrelated uncached query is served while ${HUNG_OPERATIONS} operations wait on it`, async () => {
    const gw = await startGateway({
      emulator: { users: 20 },
      env: {
        GRAPH_MAX_SOCKETS_PER_REPORT: String(SHARE),
        GRAPH_TIMEOUT_MS: '5000',
        GRAPH_MAX_RETRIES: '0',
        GATEWAY_DEADLINE_MS: '6000',
        GATEWAY_SHUTDOWN_GRACE_MS: '0',
      },
    });
    try {
      // The report never answers within the attempt timeout; more operations want it than the pool has sockets.
      gw.emulator.setFaults([{ status: 504, delayMs: 60_000, match: { pathIncludes: HUNG } }]);
      const hung = Array.from({ length: HUNG_OPERATIONS }, (_, i) => gw.query(`{ ${HUNG}(first: ${i + 1}) { nodes { id } } }`));
      const reachedUpstream = (): number => gw.emulator.log.http().filter((r) => r.path.includes(HUNG)).length;
      while (reachedUpstream() < SHARE) await new Promise((resolve) => setTimeout(resolve, 20));

      const unrelated = await gw.query('{ credentialUserRegistrationDetails(first: 3) { nodes { id } } }');
      expect(unrelated.body.errors).toBeUndefined();
      expect(unrelated.body.data!.credentialUserRegistrationDetails.nodes).toHaveLength(3);
      // Only the share reached upstream; the other operations waited in the report's lane, holding no socket.
      expect(reachedUpstream()).toBe(SHARE);

      // Each hung operation ends by itself, within its attempt timeout, as UPSTREAM_UNAVAILABLE.
      const answers = await Promise.all(hung);
      expect(answers.map((a) => a.body.errors?.[0]?.extensions?.code)).toEqual(answers.map(() => 'UPSTREAM_UNAVAILABLE'));
      expect(reachedUpstream()).toBeLessThan(HUNG_OPERATIONS);
    } finally {
      await gw.stop();
    }
  }, 30_000);
});
