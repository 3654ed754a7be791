import { startGateway } from '../support/startGateway';

const QUERY = '{ credentialUserRegistrationDetails(first: 40) { nodes { userPrincipalName usageEvents(first: 2) { nodes { id } } } } }';

describe('throttling', () => {
  it('a third of inner requests answered 429 with Retry-After: 1 fails no query, and each re-send waits at least 1 s', async () => {
    // The per-key plan, forced, so that 40 links make 40 inner requests for the faults to throttle.
    const gw = await startGateway({ emulator: { users: 40, faults: [{ status: 429, retryAfter: '1', every: 3, match: { inner: true } }] }, env: { GRAPH_LINK_PLAN: 'batch', GRAPH_CACHE_TTL_SECONDS: '0' } });
    try {
      const res = await gw.query(QUERY, undefined, { 'x-gateway-stats': 'true' });
      expect(res.body.errors).toBeUndefined();
      for (const node of res.body.data!.credentialUserRegistrationDetails.nodes) {
        const expected = gw.emulator.data.usageDetails.filter((e) => e.userPrincipalName === node.userPrincipalName).slice(0, 2).map((e) => e.id);
        expect(node.usageEvents.nodes.map((e: any) => e.id)).toEqual(expected);
      }
      // A lone re-sent request travels as a plain GET, so look for re-sends among every counted request.
      const inner = gw.emulator.log.counted();
      const throttled = inner.filter((r) => r.status === 429);
      expect(throttled.length).toBeGreaterThanOrEqual(Math.floor(40 / 3));
      for (const t of throttled) {
        const resend = inner.find((r) => r.seq > t.seq && r.path === t.path && r.query.$filter === t.query.$filter);
        expect(resend).toBeDefined();
        expect(resend!.at - t.at).toBeGreaterThanOrEqual(1000);
      }
      expect(res.body.extensions!.upstream.retries).toBe(throttled.length);
    } finally {
      await gw.stop();
    }
  }, 60_000);

  it('when throttle retries run out, the field is UPSTREAM_THROTTLED with retryAfter, and the rest keeps its data', async () => {
    const gw = await startGateway({
      emulator: { users: 5, faults: [{ status: 429, retryAfter: '2', match: { pathIncludes: 'managedTenants' } }] },
      env: { GRAPH_CACHE_TTL_SECONDS: '0', GRAPH_MAX_THROTTLE_RETRIES: '0' },
    });
    try {
      const res = await gw.query('{ credentialUserRegistrationDetails(first: 2) { nodes { id } } credentialUserRegistrationsSummaries(first: 2) { nodes { organizationId } } }');
      expect(res.body.data!.credentialUserRegistrationDetails.nodes).toHaveLength(2);
      expect(res.body.data!.credentialUserRegistrationsSummaries).toBeNull();
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_THROTTLED', retryAfter: 2 });
    } finally {
      await gw.stop();
    }
  });
});
