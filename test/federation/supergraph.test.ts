import { startGateway, type TestGateway } from '../support/startGateway';
import { expectedUserReports } from './support/expectedUserReports';
import { startSupergraph, type RunningSupergraph } from './support/startSupergraph';
import { startUsersSubgraph, type UsersSubgraph } from './support/startUsersSubgraph';
import { GHOSTS, tenantDirectory } from './support/tenantDirectory';

const PAGE = 100;
/** Graph's budget is 5 requests per 10 s: the read planner answers each page below within 2.5 windows. */
const TWO_AND_A_HALF_WINDOWS = 12;
const DIRECTORY_PATH = '/reports/authenticationMethods/userRegistrationDetails';

/** A real supergraph: a users subgraph and this gateway, composed, served by @apollo/gateway, all on loopback. */
describe('the gateway as a subgraph of a running supergraph', () => {
  let gw: TestGateway;
  let users: UsersSubgraph;
  let supergraph: RunningSupergraph;
  beforeAll(async () => {
    // No response cache: each operation's upstream requests are counted on their own.
    gw = await startGateway({ emulator: { users: 120 }, env: { GRAPH_CACHE_TTL_SECONDS: '0', LOG_LEVEL: 'warn' } });
    users = await startUsersSubgraph(tenantDirectory(gw.emulator, 110));
    supergraph = await startSupergraph([
      { name: 'credential-reports', url: gw.url },
      { name: 'users', url: users.url },
    ]);
  });
  afterAll(async () => {
    await supergraph?.stop();
    await users?.stop();
    await gw?.stop();
  });
  beforeEach(() => gw.emulator.log.clear());

  it('composes from the served SDL: User joined from both subgraphs under both keys, PageInfo from both', () => {
    const sdl = supergraph.supergraphSdl;
    for (const graph of ['CREDENTIAL_REPORTS', 'USERS']) {
      expect(sdl).toContain(`@join__type(graph: ${graph}, key: "id")`);
      expect(sdl).toContain(`@join__type(graph: ${graph}, key: "userPrincipalName")`);
    }
    expect(sdl).toMatch(/type PageInfo\s+@join__type\(graph: CREDENTIAL_REPORTS\)\s+@join__type\(graph: USERS\)/);
    expect(sdl).toMatch(/credentialUsageEvents\([^)]*\): UserCredentialUsageDetailsConnection @join__field\(graph: CREDENTIAL_REPORTS\)/);
    expect(sdl).toMatch(/displayName: String! @join__field\(graph: USERS\)/);
  });

  it(`users(first: ${PAGE}) with their legacy reports returns each user's rows for at most ${TWO_AND_A_HALF_WINDOWS} budgeted requests`, async () => {
    const res = await supergraph.query(
      `{ users(first: ${PAGE}) { userPrincipalName displayName credentialRegistration { isMfaRegistered authMethods } credentialUsageEvents(first: 3) { nodes { feature isSuccess } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const rows = res.data!.users as any[];
    expect(rows.map((r) => r.userPrincipalName)).toEqual(tenantDirectory(gw.emulator, 110).slice(0, PAGE).map((u) => u.userPrincipalName));
    for (const { userPrincipalName, displayName, ...reports } of rows) {
      const { credentialRegistration, credentialUsageEvents } = expectedUserReports(gw.emulator, userPrincipalName);
      expect(reports).toEqual({ credentialRegistration, credentialUsageEvents });
      expect(typeof displayName).toBe('string');
    }
    expect(rows.filter((r) => r.credentialRegistration !== null)).toHaveLength(PAGE - GHOSTS.length);
    expect(rows.some((r) => r.credentialUsageEvents.nodes.length > 0)).toBe(true);

    expect(gw.emulator.log.http().every((r) => r.path !== '/$batch' || r.batchSize! <= 20)).toBe(true);
    // The router sent principal names, so nothing was translated: only the two legacy reports were read.
    const inner = gw.emulator.log.counted();
    expect(new Set(inner.map((r) => r.path))).toEqual(new Set(['/reports/credentialUserRegistrationDetails', '/reports/userCredentialUsageDetails']));
    expect(inner.length).toBeLessThanOrEqual(TWO_AND_A_HALF_WINDOWS);
  });

  it('users unknown to the tenant get null for their registration and no events, and the query has no error', async () => {
    const res = await supergraph.query(`{ users(first: ${PAGE}) { userPrincipalName credentialRegistration { id } credentialUsageEvents(first: 3) { nodes { id } } authenticationRegistration { id } } }`);
    expect(res.errors).toBeUndefined();
    const ghosts = (res.data!.users as any[]).filter((r) => GHOSTS.some((g) => g.userPrincipalName === r.userPrincipalName));
    expect(ghosts).toEqual(
      GHOSTS.map((g) => ({ userPrincipalName: g.userPrincipalName, credentialRegistration: null, credentialUsageEvents: { nodes: [] }, authenticationRegistration: null })),
    );
  });

  it(`users(first: ${PAGE}) with authenticationRegistration costs at most one window: 5 budgeted requests`, async () => {
    const res = await supergraph.query(`{ users(first: ${PAGE}) { userPrincipalName authenticationRegistration { isMfaRegistered methodsRegistered } } }`);
    expect(res.errors).toBeUndefined();
    for (const { userPrincipalName, authenticationRegistration } of res.data!.users as any[]) {
      expect(authenticationRegistration).toEqual(expectedUserReports(gw.emulator, userPrincipalName).authenticationRegistration);
    }
    const inner = gw.emulator.log.counted();
    expect(inner.every((r) => r.path === DIRECTORY_PATH)).toBe(true);
    expect(inner.length).toBeLessThanOrEqual(5);
  });

  it(`the legacy and the successor registration together cost at most ${TWO_AND_A_HALF_WINDOWS} budgeted requests, whichever key the router sends`, async () => {
    const res = await supergraph.query(`{ users(first: ${PAGE}) { userPrincipalName credentialRegistration { isMfaRegistered } authenticationRegistration { isMfaRegistered } } }`);
    expect(res.errors).toBeUndefined();
    for (const { userPrincipalName, credentialRegistration, authenticationRegistration } of res.data!.users as any[]) {
      const expected = expectedUserReports(gw.emulator, userPrincipalName);
      expect(credentialRegistration).toEqual(expected.credentialRegistration && { isMfaRegistered: expected.credentialRegistration.isMfaRegistered });
      expect(authenticationRegistration).toEqual(expected.authenticationRegistration && { isMfaRegistered: expected.authenticationRegistration.isMfaRegistered });
    }
    expect(gw.emulator.log.counted().length).toBeLessThanOrEqual(TWO_AND_A_HALF_WINDOWS);
  });

  it("a connection of the users subgraph pages with its own PageInfo, and its users reach this subgraph's fields", async () => {
    const res = await supergraph.query('{ usersPage(first: 2) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { userPrincipalName credentialRegistration { userPrincipalName } } } }');
    expect(res.errors).toBeUndefined();
    const first = gw.emulator.data.userRegistrationDetails.slice(0, 2).map((u) => u.userPrincipalName);
    expect(res.data!.usersPage).toEqual({
      pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
      nodes: first.map((upn) => ({ userPrincipalName: upn, credentialRegistration: { userPrincipalName: upn } })),
    });
    expect(supergraph.gatewayLog).toEqual([]);
  });
});
