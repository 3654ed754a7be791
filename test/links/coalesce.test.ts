import { startGateway, type TestGateway } from '../support/startGateway';

const PAGE = `query($first: Int) { credentialUserRegistrationDetails(first: $first) {
  nodes { userPrincipalName usageEvents(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } } } }`;

/** `GRAPH_LINK_PLAN=coalesce` forces the coalesced plan first; the planner's own choices: planner.test.ts. */
describe('the coalesce link plan', () => {
  let gw: TestGateway;
  beforeEach(async () => {
    gw = await startGateway({ emulator: { users: 60 }, env: { GRAPH_LINK_PLAN: 'coalesce', GRAPH_CACHE_TTL_SECONDS: '0' } });
  });
  afterEach(() => gw.stop());

  const eventsOf = (upn: string) => gw.emulator.data.usageDetails.filter((e) => e.userPrincipalName === upn).map((e) => e.id);

  it("reads 40 users' usage events with a few or-filtered requests instead of 40, with the same rows", async () => {
    const res = await gw.query(PAGE, { first: 40 });
    expect(res.body.errors).toBeUndefined();
    for (const node of res.body.data!.credentialUserRegistrationDetails.nodes) {
      const all = eventsOf(node.userPrincipalName);
      expect(node.usageEvents.nodes.map((e: any) => e.id)).toEqual(all.slice(0, 2));
      expect(node.usageEvents.pageInfo.hasNextPage).toBe(all.length > 2);
    }
    const linkReads = gw.emulator.log.counted().filter((r) => r.path === '/reports/userCredentialUsageDetails');
    expect(linkReads.length).toBeGreaterThan(0);
    expect(linkReads.length).toBeLessThanOrEqual(5);
    for (const read of linkReads) expect(read.query.$filter).toMatch(/^userPrincipalName eq '.+' or userPrincipalName eq /);
    expect(gw.emulator.log.http().length).toBeLessThanOrEqual(2);
  });

  it('hands out cursors that resume exactly on the per-user request', async () => {
    const res = await gw.query(PAGE, { first: 40 });
    const node = res.body.data!.credentialUserRegistrationDetails.nodes.find((n: any) => n.usageEvents.pageInfo.hasNextPage)!;
    const next = await gw.query(
      `query($upn: String!, $after: String) { credentialUserRegistrationDetails(filter: { userPrincipalName: { eq: $upn } }) {
        nodes { usageEvents(first: 2, after: $after) { nodes { id } } } } }`,
      { upn: node.userPrincipalName, after: node.usageEvents.pageInfo.endCursor },
    );
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data!.credentialUserRegistrationDetails.nodes[0].usageEvents.nodes.map((e: any) => e.id)).toEqual(
      eventsOf(node.userPrincipalName).slice(2, 4),
    );
  });

  it('when upstream refuses the or-filter with 400, answers the same and never sends it again to that report', async () => {
    gw.emulator.setFaults([{ status: 400, code: 'BadRequest', match: { pathIncludes: ' or userPrincipalName eq ' } }]);
    const first = await gw.query(PAGE, { first: 10 });
    expect(first.body.errors).toBeUndefined();
    for (const node of first.body.data!.credentialUserRegistrationDetails.nodes) {
      expect(node.usageEvents.nodes.map((e: any) => e.id)).toEqual(eventsOf(node.userPrincipalName).slice(0, 2));
    }
    // Ten users make one chunk: one refusal, learned for the report and shape.
    expect(gw.emulator.log.counted().filter((r) => r.status === 400)).toHaveLength(1);
    gw.emulator.log.clear();
    const second = await gw.query(PAGE, { first: 10 });
    expect(second.body.errors).toBeUndefined();
    const reads = gw.emulator.log.counted().filter((r) => r.path === '/reports/userCredentialUsageDetails');
    // The next plans (a scan of the report, or one request per user) answer; neither is more than per user.
    expect(reads.length).toBeLessThanOrEqual(10);
    expect(reads.every((r) => r.status === 200 && !(r.query.$filter ?? '').includes(' or '))).toBe(true);
  });

  it("resolves usage events' registrations with one coalesced request", async () => {
    const res = await gw.query('{ userCredentialUsageDetails(first: 30) { nodes { userPrincipalName registration { userPrincipalName } } } }');
    expect(res.body.errors).toBeUndefined();
    for (const node of res.body.data!.userCredentialUsageDetails.nodes) expect(node.registration.userPrincipalName).toBe(node.userPrincipalName);
    const reads = gw.emulator.log.counted().filter((r) => r.path === '/reports/credentialUserRegistrationDetails');
    expect(reads.length).toBeLessThanOrEqual(2);
  });
});
