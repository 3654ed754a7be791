import { doublingFragments } from '../support/doublingFragments';
import { startGateway, type TestGateway } from '../support/startGateway';

/** Attacks on the cost analysis, and the refusal of what the budget cannot serve in time (README: Cost analysis). */
describe('cost analysis against hostile documents', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // The per-key plan, forced: these tests count one request per parent (the read planner's bounds: estimateCost.test.ts).
    gw = await startGateway({ emulator: { users: 30 }, env: { GRAPH_LINK_PLAN: 'batch', GRAPH_CACHE_TTL_SECONDS: '0', LOG_LEVEL: 'warn', GATEWAY_MAX_FRAGMENT_SPREADS: '50' } });
  });
  afterAll(() => gw?.stop());
  beforeEach(() => gw.emulator.log.clear());

  it.each([26, 40])('serves the document of %i fragments that each spread the next twice, with what it selects', async (levels) => {
    const res = await gw.query(doublingFragments(levels), {}, { 'x-gateway-stats': 'true' });
    expect(res.body.errors).toBeUndefined();
    const page = res.body.data!.credentialUserRegistrationDetails;
    expect(page.nodes).toHaveLength(2);
    expect(page.pageInfo).toEqual({ hasNextPage: true });
    // One list request and one usage request per row, all within the estimate.
    expect(gw.emulator.log.counted()).toHaveLength(3);
    expect(res.body.extensions?.upstream?.estimate).toEqual({ requests: 7, slots: 3 });
  });

  it('refuses, before any upstream call, a document that expands to more fragment spreads than GATEWAY_MAX_FRAGMENT_SPREADS', async () => {
    const names = Array.from({ length: 51 }, (_, i) => `S${i}`);
    const query = `{ credentialUserRegistrationDetails(first: 1) { ${names.map((n) => `...${n}`).join(' ')} } }
      ${names.map((n) => `fragment ${n} on CredentialUserRegistrationDetailsConnection { pageInfo { hasNextPage } }`).join('\n')}`;
    const res = await gw.query(query);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors?.[0]?.message).toBe('An operation may expand to at most 50 fragment spreads, but this one expands to more (fragments spread within spread fragments count each time)');
    expect(gw.emulator.log.all()).toHaveLength(0);
  });

  it('refuses 1,000 `_entities` representations with 20 usage lists each before any upstream call, with the estimate', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `e${i}: credentialUsageEvents { nodes { id } }`).join(' ');
    const representations = Array.from({ length: 1000 }, (_, i) => ({ __typename: 'User', id: `id-${i}`, userPrincipalName: `user${i}@contoso.com` }));
    const res = await gw.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on User { ${aliases} } } }`, { r: representations });
    expect(res.status).toBe(400);
    // 1000 users × 20 connections × up to 10 pages each to fill the default 50 rows.
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 200_000, maxCost: 1000 });
    expect(res.body.errors?.[0]?.message).toContain('but this one may cost 200000');
    expect(gw.emulator.log.all()).toHaveLength(0);
  });

  it('refuses more representations than GATEWAY_MAX_REPRESENTATIONS even when they cost nothing', async () => {
    const representations = Array.from({ length: 1001 }, (_, i) => ({ __typename: 'User', id: `id-${i}`, userPrincipalName: `user${i}@contoso.com` }));
    const res = await gw.query('query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id } } }', { r: representations });
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', representations: 1001, maxRepresentations: 1000, cost: 0 });
    expect(gw.emulator.log.all()).toHaveLength(0);
  });

  it('counts a variable default that the request does not override', async () => {
    const query = 'query($f: Int = 1000) { credentialUserRegistrationDetails(first: $f) { nodes { usageEvents(first: 1) { nodes { id } } } } }';
    const res = await gw.query(query);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 10 + 1000 * 2 });
    expect(gw.emulator.log.all()).toHaveLength(0);
  });
});

describe('cost before spending, in budget slots', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // The per-key plan, forced, so that 40 parents need 41 slots (the read planner would need 3).
    gw = await startGateway({ emulator: { users: 60 }, env: { GRAPH_LINK_PLAN: 'batch', GRAPH_CACHE_TTL_SECONDS: '0', LOG_LEVEL: 'warn', GRAPH_RATE_LIMIT: '5/10s' } });
  });
  afterAll(() => gw?.stop());
  beforeEach(() => gw.emulator.log.clear());

  it('refuses an operation whose budget wait cannot end before the deadline, saying how many slots and how long', async () => {
    const res = await gw.query('{ credentialUserRegistrationDetails(first: 40) { nodes { usageEvents(first: 1) { nodes { id } } } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 10 + 40 * 2, slots: 41, slotWaitMs: 8 * 10_002, deadlineMs: 60_000 });
    expect(res.body.errors?.[0]?.message).toBe(
      'An operation must finish within 60 s, but this one needs 41 budget slots (upstream requests), which take at least 81 s at 5 requests per 10 s',
    );
    expect(gw.emulator.log.all()).toHaveLength(0);
  });

  it('serves one that fits, and shows the slots spent and the time waited', async () => {
    const res = await gw.query('{ credentialUserRegistrationDetails(first: 3) { nodes { id } } }', {}, { 'x-gateway-stats': 'true' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.extensions?.upstream).toMatchObject({ budgetSlots: 1, budgetWaits: 0, budgetWaitMs: 0, estimate: { slots: 1, requests: 4 } });
  });
});
