import { startGateway, type TestGateway } from '../support/startGateway';

/** The links between reports are batched: never one HTTP call per parent. */
describe('links between reports', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // No response cache: these tests count what one operation sends on its own.
    // The per-key plan, forced: these tests hold its batching (envelopes of 20, one set per version, dedupe);
    // the read planner's own choices are held by test/links/planner.test.ts.
    gw = await startGateway({ emulator: { users: 80 }, env: { GRAPH_LINK_PLAN: 'batch', GRAPH_CACHE_TTL_SECONDS: '0' } });
  });
  afterAll(() => gw.stop());
  beforeEach(() => gw.emulator.log.clear());

  it('40 registrations with their usageEvents cost at most 1 + ceil(40/20) upstream HTTP requests', async () => {
    const res = await gw.query('{ credentialUserRegistrationDetails(first: 40) { nodes { userPrincipalName usageEvents(first: 5) { nodes { id userPrincipalName } } } } }');
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.credentialUserRegistrationDetails.nodes;
    expect(nodes).toHaveLength(40);
    for (const node of nodes) {
      const expected = gw.emulator.data.usageDetails.filter((e) => e.userPrincipalName === node.userPrincipalName).slice(0, 5).map((e) => e.id);
      expect(node.usageEvents.nodes.map((e: any) => e.id)).toEqual(expected);
    }
    const http = gw.emulator.log.http();
    expect(http.length).toBeLessThanOrEqual(1 + Math.ceil(40 / 20));
    const envelopes = http.filter((r) => r.path === '/$batch');
    expect(envelopes.map((e) => e.batchSize)).toEqual([20, 20]);
  });

  it('usage events with their registration: one request per distinct user, sent in envelopes', async () => {
    const res = await gw.query('{ userCredentialUsageDetails(first: 30) { nodes { userPrincipalName registration { userPrincipalName isMfaRegistered } } } }');
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.userCredentialUsageDetails.nodes;
    for (const node of nodes) expect(node.registration?.userPrincipalName ?? node.userPrincipalName).toBe(node.userPrincipalName);
    const users = new Set(nodes.map((n: any) => n.userPrincipalName)).size;
    const inner = gw.emulator.log.counted().filter((r) => r.path === '/reports/credentialUserRegistrationDetails');
    expect(inner).toHaveLength(users);
    expect(gw.emulator.log.http().length).toBeLessThanOrEqual(1 + Math.ceil(users / 20));
  });

  it('30 aliased copies of the same field send the upstream request once', async () => {
    const fields = Array.from({ length: 30 }, (_, i) => `a${i}: credentialUserRegistrationDetails(first: 3) { nodes { id } }`).join('\n');
    const res = await gw.query(`{ ${fields} }`);
    expect(res.body.errors).toBeUndefined();
    expect(gw.emulator.log.counted()).toHaveLength(1);
  });

  it('21 distinct lookups travel as two envelopes of 20 and 1', async () => {
    const upns = gw.emulator.data.registrationDetails.slice(0, 21).map((r) => r.userPrincipalName);
    const fields = upns.map((u, i) => `u${i}: credentialUserRegistrationDetails(first: 1, filter: { userPrincipalName: { eq: ${JSON.stringify(u)} } }) { nodes { userPrincipalName } }`).join('\n');
    const res = await gw.query(`{ ${fields} }`, undefined, {});
    expect(res.body.errors).toBeUndefined();
    upns.forEach((u, i) => expect(res.body.data![`u${i}`].nodes).toEqual([{ userPrincipalName: u }]));
    expect(gw.emulator.log.counted()).toHaveLength(21);
    const http = gw.emulator.log.http();
    expect(http).toHaveLength(2);
    expect(http.map((r) => r.batchSize ?? 1).sort((a, b) => b - a)).toEqual([20, 1]);
  });

  it('reports the operation counts in extensions when the caller asks with x-gateway-stats', async () => {
    const res = await gw.query('{ credentialUserRegistrationDetails(first: 3) { nodes { usageEvents(first: 1) { nodes { id } } } } }', undefined, { 'x-gateway-stats': 'true' });
    expect(res.body.extensions?.upstream).toMatchObject({ httpRequests: 2, innerRequests: 4, batches: 1 });
    const plain = await gw.query('{ credentialUserRegistrationDetails(first: 3) { nodes { id } } }');
    expect(plain.body.extensions?.upstream).toBeUndefined();
  });
});
