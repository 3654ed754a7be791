import { startGateway, type TestGateway } from '../support/startGateway';
import { expectedUserReports } from './support/expectedUserReports';
import { startSupergraph, type RunningSupergraph } from './support/startSupergraph';
import { startUsersSubgraph, type UsersKeys, type UsersSubgraph } from './support/startUsersSubgraph';
import { GHOSTS, tenantDirectory } from './support/tenantDirectory';

const PAGE = 100;
const ENVELOPES = Math.ceil(PAGE / 20);
const DIRECTORY_PATH = '/reports/authenticationMethods/userRegistrationDetails';
const LEGACY_PATHS = ['/reports/credentialUserRegistrationDetails', '/reports/userCredentialUsageDetails'];

/**
 * Supergraphs whose users subgraph knows only one of User's keys, so the router can only send that one:
 * every field of ours still resolves, translating the key through the directory in batches.
 */
describe('User resolves from whichever key the router sends', () => {
  let gw: TestGateway;
  const running: { users: UsersSubgraph; supergraph: RunningSupergraph }[] = [];
  const supergraphWith = async (keys: UsersKeys) => {
    const users = await startUsersSubgraph(tenantDirectory(gw.emulator, 110), keys);
    const supergraph = await startSupergraph([
      { name: 'credential-reports', url: gw.url },
      { name: 'users', url: users.url },
    ]);
    running.push({ users, supergraph });
    return supergraph;
  };
  let byId: RunningSupergraph;
  let byPrincipalName: RunningSupergraph;
  beforeAll(async () => {
    // The per-key plan, forced: these tests hold its batching (envelopes of 20, one set per version, dedupe);
    // the read planner's own choices are held by test/links/planner.test.ts.
    gw = await startGateway({ emulator: { users: 120 }, env: { GRAPH_LINK_PLAN: 'batch', GRAPH_CACHE_TTL_SECONDS: '0', LOG_LEVEL: 'warn' } });
    byId = await supergraphWith('id');
    byPrincipalName = await supergraphWith('userPrincipalName');
  });
  afterAll(async () => {
    for (const { users, supergraph } of running) {
      await supergraph.stop();
      await users.stop();
    }
    await gw?.stop();
  });
  beforeEach(() => gw.emulator.log.clear());

  it(`with only ids, the legacy reports of ${PAGE} users cost one directory lookup and two report requests per user, in at most 3 x ${ENVELOPES} + 1 envelopes`, async () => {
    const res = await byId.query(`{ users(first: ${PAGE}) { id credentialRegistration { isMfaRegistered authMethods } credentialUsageEvents(first: 3) { nodes { feature isSuccess } } } }`);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.users as any[];
    expect(rows).toHaveLength(PAGE);
    for (const { id, ...reports } of rows) {
      const ghost = GHOSTS.find((g) => g.id === id);
      if (ghost) {
        // No principal name to be found for an id upstream does not know: nothing to list events by.
        expect(reports).toEqual({ credentialRegistration: null, credentialUsageEvents: null });
        continue;
      }
      const upn = gw.emulator.data.userRegistrationDetails.find((u) => u.id === id)!.userPrincipalName;
      const { credentialRegistration, credentialUsageEvents } = expectedUserReports(gw.emulator, upn);
      expect(reports).toEqual({ credentialRegistration, credentialUsageEvents });
    }
    const inner = gw.emulator.log.counted().map((r) => r.path);
    expect(inner.filter((p) => p.startsWith(`${DIRECTORY_PATH}/`))).toHaveLength(PAGE);
    for (const path of LEGACY_PATHS) expect(inner.filter((p) => p === path)).toHaveLength(PAGE - GHOSTS.length);
    expect(gw.emulator.log.http().length).toBeLessThanOrEqual(3 * ENVELOPES + 1);
  });

  it('with only ids, this subgraph supplies the principal name, translated in one batched lookup per user', async () => {
    const res = await byId.query('{ users(first: 7) { id userPrincipalName credentialRegistration { userPrincipalName } } }');
    expect(res.errors).toBeUndefined();
    const first = gw.emulator.data.userRegistrationDetails.slice(0, 7);
    expect(res.data!.users).toEqual(first.map((u) => ({ id: u.id, userPrincipalName: u.userPrincipalName, credentialRegistration: { userPrincipalName: u.userPrincipalName } })));
    // The directory row read for the principal name is not read again; the registrations follow in one envelope.
    expect(gw.emulator.log.counted().map((r) => r.path).sort()).toEqual([...Array(7).fill('/reports/credentialUserRegistrationDetails'), ...first.map((u) => `${DIRECTORY_PATH}/${u.id}`)].sort());
    expect(gw.emulator.log.http()).toHaveLength(2);
  });

  it(`with only principal names, authenticationRegistration of ${PAGE} users is one directory request per user, in at most ${ENVELOPES} + 1 envelopes`, async () => {
    const res = await byPrincipalName.query(`{ users(first: ${PAGE}) { userPrincipalName authenticationRegistration { isMfaRegistered methodsRegistered } } }`);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.users as any[];
    expect(rows).toHaveLength(PAGE);
    for (const { userPrincipalName, authenticationRegistration } of rows) {
      expect(authenticationRegistration).toEqual(expectedUserReports(gw.emulator, userPrincipalName).authenticationRegistration);
    }
    expect(rows.filter((r) => r.authenticationRegistration === null)).toHaveLength(GHOSTS.length);
    // By principal name the directory row found is the registration itself: no second request by id.
    const inner = gw.emulator.log.counted();
    expect(inner.map((r) => r.path)).toEqual(Array(PAGE).fill(DIRECTORY_PATH));
    expect(inner.every((r) => /^userPrincipalName eq '/.test(r.query.$filter ?? ''))).toBe(true);
    expect(gw.emulator.log.http().length).toBeLessThanOrEqual(ENVELOPES + 1);
  });

  it('with only principal names, this subgraph supplies the id, and the row read for it is the registration too', async () => {
    const res = await byPrincipalName.query('{ users(first: 7) { userPrincipalName id authenticationRegistration { id isMfaRegistered } } }');
    expect(res.errors).toBeUndefined();
    const first = gw.emulator.data.userRegistrationDetails.slice(0, 7);
    expect(res.data!.users).toEqual(first.map((u) => ({ userPrincipalName: u.userPrincipalName, id: u.id, authenticationRegistration: { id: u.id, isMfaRegistered: u.isMfaRegistered } })));
    expect(gw.emulator.log.counted().map((r) => r.path)).toEqual(Array(7).fill(DIRECTORY_PATH));
    expect(gw.emulator.log.http()).toHaveLength(1);
  });
});
