import type { EmulatorOptions } from '../../src/emulator/config';
import { expectedUserReports } from '../federation/support/expectedUserReports';
import { startGateway, type TestGateway } from '../support/startGateway';

/**
 * The read planner under Graph's budget: an upstream that admits 5 requests per window (1 s here, 10 s on
 * Graph) and a gateway with default settings except that budget. Counts come from the emulator's log:
 * every plain and inner request it received, never times.
 */
const WINDOW = { requests: 5, windowSeconds: 1 };
const BUDGET = { GRAPH_RATE_LIMIT: '5/1s', LOG_LEVEL: 'warn' };
/** 2.5 windows' worth of budgeted requests; the users page gets 5 windows. */
const TWO_AND_A_HALF_WINDOWS = 12;
const FIVE_WINDOWS = 25;

const DIRECTORY_PATH = '/reports/authenticationMethods/userRegistrationDetails';
const ENTITIES = 'query ($r: [_Any!]!) { _entities(representations: $r) { ...F } }';
const USER_FIELDS = `authenticationRegistration { isMfaRegistered methodsRegistered }
  credentialRegistration { isMfaRegistered authMethods }
  credentialUsageEvents(first: 3) { nodes { feature isSuccess } }`;

let gw: TestGateway;
const start = async (emulator: EmulatorOptions = {}, env: Record<string, string> = {}) => {
  gw = await startGateway({ emulator: { rateLimit: WINDOW, ...emulator }, env: { ...BUDGET, ...env } });
};
afterEach(() => gw?.stop());

const counted = () => gw.emulator.log.counted();
const throttled = () => counted().filter((r) => r.status === 429);
const eventsOf = (upn: string) => gw.emulator.data.usageDetails.filter((e) => e.userPrincipalName === upn);
const unfiltered = (path: string) => counted().filter((r) => r.path === path && r.query.$filter === undefined);
const plansOf = (res: { body: { extensions?: Record<string, any> } }) => (res.body.extensions?.upstream.plans as { report: string; plan: string }[]).map((p) => `${p.report}:${p.plan}`);

describe("the read planner, under Graph's budget of 5 requests per window", () => {
  it(`50 registrations with usageEvents(first: 5): correct, within ${TWO_AND_A_HALF_WINDOWS} budgeted requests, no 429`, async () => {
    await start();
    const res = await gw.query('{ credentialUserRegistrationDetails(first: 50) { nodes { userPrincipalName usageEvents(first: 5) { nodes { id } pageInfo { hasNextPage } } } } }');
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.credentialUserRegistrationDetails.nodes as any[];
    expect(nodes).toHaveLength(50);
    for (const node of nodes) {
      const all = eventsOf(node.userPrincipalName);
      expect(node.usageEvents.nodes.map((e: any) => e.id)).toEqual(all.slice(0, 5).map((e) => e.id));
      expect(node.usageEvents.pageInfo.hasNextPage).toBe(all.length > 5);
    }
    expect(counted().length).toBeLessThanOrEqual(TWO_AND_A_HALF_WINDOWS);
    expect(throttled()).toHaveLength(0);
  });

  it(`60 usage events with their registration: correct, within ${TWO_AND_A_HALF_WINDOWS} budgeted requests, no 429`, async () => {
    await start();
    const res = await gw.query('{ userCredentialUsageDetails(first: 60) { nodes { userPrincipalName registration { id userPrincipalName isMfaRegistered } } } }');
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.userCredentialUsageDetails.nodes as any[];
    expect(nodes).toHaveLength(60);
    for (const node of nodes) {
      const row = gw.emulator.data.registrationDetails.find((r) => r.userPrincipalName === node.userPrincipalName)!;
      expect(node.registration).toEqual({ id: row.id, userPrincipalName: row.userPrincipalName, isMfaRegistered: row.isMfaRegistered });
    }
    expect(counted().length).toBeLessThanOrEqual(TWO_AND_A_HALF_WINDOWS);
    expect(throttled()).toHaveLength(0);
  });

  it(`100 _entities of UserRegistrationDetails by id: correct, unknown ids null, within ${TWO_AND_A_HALF_WINDOWS} budgeted requests, no 429`, async () => {
    await start();
    const rows = gw.emulator.data.userRegistrationDetails.slice(0, 99);
    const ids = [...rows.map((r) => r.id), '00000000-0000-4000-8000-000000000001'];
    const res = await gw.query(`${ENTITIES} fragment F on UserRegistrationDetails { id userPrincipalName isMfaRegistered }`, {
      r: ids.map((id) => ({ __typename: 'UserRegistrationDetails', id })),
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities).toEqual([...rows.map((r) => ({ id: r.id, userPrincipalName: r.userPrincipalName, isMfaRegistered: r.isMfaRegistered })), null]);
    expect(counted().length).toBeLessThanOrEqual(TWO_AND_A_HALF_WINDOWS);
    expect(throttled()).toHaveLength(0);
  });

  it.each(['id', 'userPrincipalName'] as const)(
    `a router's users page, 100 User by %s with three report fields: correct, within ${FIVE_WINDOWS} budgeted requests, no 429`,
    async (key) => {
      await start();
      const users = gw.emulator.data.userRegistrationDetails.slice(0, 100);
      const res = await gw.query(`${ENTITIES} fragment F on User { id userPrincipalName ${USER_FIELDS} }`, {
        r: users.map((u) => ({ __typename: 'User', [key]: u[key] })),
      });
      expect(res.body.errors).toBeUndefined();
      const found = res.body.data!._entities as any[];
      users.forEach((u, i) => {
        expect(found[i]).toEqual({ id: u.id, userPrincipalName: u.userPrincipalName, ...expectedUserReports(gw.emulator, u.userPrincipalName) });
      });
      expect(counted().length).toBeLessThanOrEqual(FIVE_WINDOWS);
      expect(throttled()).toHaveLength(0);
    },
  );

  it("at Graph's own budget (5 per 10 s, unscaled) the cost check admits what the planner can serve: 100 _entities by id and a router's users page", async () => {
    // The slot check refuses only what cannot finish before the deadline; priced one slot per key, these two
    // (100 and 300 slots, 190 s and 590 s of budget) were refused although the planner serves them in a window or two.
    await start({ rateLimit: { requests: 5, windowSeconds: 10 } }, { GRAPH_RATE_LIMIT: '5/10s' });
    const rows = gw.emulator.data.userRegistrationDetails.slice(0, 100);
    const byId = await gw.query(`${ENTITIES} fragment F on UserRegistrationDetails { id }`, {
      r: rows.map((r) => ({ __typename: 'UserRegistrationDetails', id: r.id })),
    });
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data!._entities).toEqual(rows.map((r) => ({ id: r.id })));
    const page = await gw.query(`${ENTITIES} fragment F on User { id userPrincipalName ${USER_FIELDS} }`, {
      r: rows.map((u) => ({ __typename: 'User', id: u.id })),
    });
    expect(page.body.errors).toBeUndefined();
    (page.body.data!._entities as any[]).forEach((found, i) => {
      const u = rows[i]!;
      expect(found).toEqual({ id: u.id, userPrincipalName: u.userPrincipalName, ...expectedUserReports(gw.emulator, u.userPrincipalName) });
    });
    expect(counted().length).toBeLessThanOrEqual(FIVE_WINDOWS);
    expect(throttled()).toHaveLength(0);
  });

  it("a router's page asked again costs nothing: what the first asking read serves it", async () => {
    await start();
    const users = gw.emulator.data.userRegistrationDetails.slice(0, 100);
    const page = () => gw.query(`${ENTITIES} fragment F on User { id ${USER_FIELDS} }`, { r: users.map((u) => ({ __typename: 'User', id: u.id })) }, { 'x-gateway-stats': 'true' });
    const first = await page();
    expect(first.body.errors).toBeUndefined();
    gw.emulator.log.clear();
    const again = await page();
    expect(again.body.data).toEqual(first.body.data);
    expect(counted()).toHaveLength(0);
    expect(new Set(plansOf(again).map((p) => p.split(':')[1]))).toEqual(new Set(['cache']));
    expect(again.body.extensions?.cache).toEqual({ ageSeconds: expect.any(Number), stale: false });
  });

  it('a whole scanned report serves later lookups of any of its keys', async () => {
    await start({ users: 90 });
    const users = gw.emulator.data.userRegistrationDetails;
    const lookup = (from: number) =>
      gw.query(`${ENTITIES} fragment F on User { id authenticationRegistration { isMfaRegistered } credentialRegistration { isMfaRegistered } }`, {
        r: users.slice(from, from + 45).map((u) => ({ __typename: 'User', id: u.id })),
      });
    expect((await lookup(0)).body.errors).toBeUndefined();
    gw.emulator.log.clear();
    const next = await lookup(45);
    expect(next.body.errors).toBeUndefined();
    users.slice(45, 90).forEach((u, i) => {
      const { authenticationRegistration } = expectedUserReports(gw.emulator, u.userPrincipalName);
      const registration = gw.emulator.data.registrationDetails.find((r) => r.userPrincipalName === u.userPrincipalName);
      expect(next.body.data!._entities[i]).toEqual({
        id: u.id,
        authenticationRegistration: authenticationRegistration && { isMfaRegistered: authenticationRegistration.isMfaRegistered },
        credentialRegistration: registration ? { isMfaRegistered: registration.isMfaRegistered } : null,
      });
    });
    expect(counted()).toHaveLength(0);
  });
});

describe('choosing the scan', () => {
  it('a tenant of 300 users and 100 keys: the directory is scanned, one request per page, and no key is read on its own', async () => {
    await start({ users: 300 });
    const ids = gw.emulator.data.userRegistrationDetails.slice(100, 200).map((u) => u.id);
    const res = await gw.query(`${ENTITIES} fragment F on UserRegistrationDetails { id }`, { r: ids.map((id) => ({ __typename: 'UserRegistrationDetails', id })) }, { 'x-gateway-stats': 'true' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities).toEqual(ids.map((id) => ({ id })));
    expect(plansOf(res)).toEqual([`userRegistrationDetails:scan`]);
    // The emulator pages by 100: the scan reads the two pages that hold the keys and stops there.
    expect(counted().every((r) => r.path === DIRECTORY_PATH && r.query.$filter === undefined)).toBe(true);
    expect(counted().length).toBeLessThanOrEqual(3);
  });

  it('a tenant larger than the scan bound: the scan never reads past the bound, and once the size is seen it is never chosen', async () => {
    await start({ users: 300 }, { GRAPH_SCAN_MAX_ROWS: '250' });
    const users = gw.emulator.data.userRegistrationDetails;
    const lookup = (from: number) =>
      gw.query(`${ENTITIES} fragment F on UserRegistrationDetails { id }`, { r: users.slice(from, from + 20).map((u) => ({ __typename: 'UserRegistrationDetails', id: u.id })) }, { 'x-gateway-stats': 'true' });
    const first = await lookup(250);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data!._entities).toEqual(users.slice(250, 270).map((u) => ({ id: u.id })));
    // At most the bound's worth of pages of 100, none past it: 250 rows allow two.
    expect(unfiltered(DIRECTORY_PATH).length).toBeLessThanOrEqual(2);
    gw.emulator.log.clear();
    const second = await lookup(200);
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data!._entities).toEqual(users.slice(200, 220).map((u) => ({ id: u.id })));
    expect(plansOf(second)).not.toContain('userRegistrationDetails:scan');
    expect(unfiltered(DIRECTORY_PATH)).toHaveLength(0);
  });

  it('GRAPH_SCAN_MAX_ROWS=0: no scan at all, the per-key plan answers', async () => {
    await start({ users: 300 }, { GRAPH_SCAN_MAX_ROWS: '0' });
    const ids = gw.emulator.data.userRegistrationDetails.slice(0, 30).map((u) => u.id);
    const res = await gw.query(`${ENTITIES} fragment F on UserRegistrationDetails { id }`, { r: ids.map((id) => ({ __typename: 'UserRegistrationDetails', id })) });
    expect(res.body.data!._entities).toEqual(ids.map((id) => ({ id })));
    expect(unfiltered(DIRECTORY_PATH)).toHaveLength(0);
    expect(counted().map((r) => r.path).sort()).toEqual(ids.map((id) => `${DIRECTORY_PATH}/${id}`).sort());
  });
});

describe('cursors of pages the planner served', () => {
  it('a link page read from a scan hands out cursors that resume exactly on the per-user request', async () => {
    // Forty users need two coalesced chunks; their events fit one page of 1000, so one scan reads them all.
    await start({ users: 40, maxPageSize: 1000 });
    const res = await gw.query('{ credentialUserRegistrationDetails(first: 40) { nodes { userPrincipalName usageEvents(first: 2) { nodes { id } pageInfo { hasNextPage endCursor } } } } }', undefined, { 'x-gateway-stats': 'true' });
    expect(res.body.errors).toBeUndefined();
    expect(plansOf(res)).toContain('userCredentialUsageDetails:scan');
    const nodes = res.body.data!.credentialUserRegistrationDetails.nodes as any[];
    const withMore = nodes.filter((n) => n.usageEvents.pageInfo.hasNextPage);
    expect(withMore.length).toBeGreaterThan(0);
    for (const node of withMore.slice(0, 3)) {
      const next = await gw.query(
        `query($upn: String!, $after: String) { credentialUserRegistrationDetails(filter: { userPrincipalName: { eq: $upn } }) {
          nodes { usageEvents(first: 2, after: $after) { nodes { id } } } } }`,
        { upn: node.userPrincipalName, after: node.usageEvents.pageInfo.endCursor },
      );
      expect(next.body.errors).toBeUndefined();
      expect(next.body.data!.credentialUserRegistrationDetails.nodes[0].usageEvents.nodes.map((e: any) => e.id)).toEqual(eventsOf(node.userPrincipalName).slice(2, 4).map((e) => e.id));
    }
  });
});

describe('an upstream that refuses the coalesced or-filter on one report', () => {
  const REFUSE_OR_ON_EVENTS = { status: 400, code: 'BadRequest', match: { pathMatches: '^/reports/userCredentialUsageDetails\\?.* or ' } };
  const PAGE = '{ credentialUserRegistrationDetails(first: 40) { nodes { userPrincipalName usageEvents(first: 2) { nodes { id } } } } }';

  it('answers the same, falls back plan by plan, learns the refusal once for that report and shape, and no query fails', async () => {
    await start({ users: 60 }, { GRAPH_LINK_PLAN: 'coalesce' });
    gw.emulator.setFaults([REFUSE_OR_ON_EVENTS]);
    const check = async () => {
      const res = await gw.query(PAGE);
      expect(res.body.errors).toBeUndefined();
      for (const node of res.body.data!.credentialUserRegistrationDetails.nodes) {
        expect(node.usageEvents.nodes.map((e: any) => e.id)).toEqual(eventsOf(node.userPrincipalName).slice(0, 2).map((e) => e.id));
      }
    };
    await check();
    const refusals = counted().filter((r) => r.status === 400);
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    expect(refusals.every((r) => r.path === '/reports/userCredentialUsageDetails')).toBe(true);
    gw.emulator.log.clear();
    await check();
    expect(counted().filter((r) => r.status !== 200)).toHaveLength(0);
    expect(counted().some((r) => r.path === '/reports/userCredentialUsageDetails' && (r.query.$filter ?? '').includes(' or '))).toBe(false);
    // The other report still coalesces: the refusal belongs to the report that refused.
    const registrations = await gw.query('{ userCredentialUsageDetails(first: 30) { nodes { registration { userPrincipalName } } } }');
    expect(registrations.body.errors).toBeUndefined();
    expect(counted().some((r) => r.path === '/reports/credentialUserRegistrationDetails' && / or /.test(r.query.$filter ?? ''))).toBe(true);
  });

  it("never learns from a client's own bad filter: that query gets the error, and coalescing stays on for every caller", async () => {
    await start({ users: 60 }, { GRAPH_LINK_PLAN: 'coalesce' });
    gw.emulator.setFaults([{ status: 400, code: 'BadRequest', match: { pathIncludes: "failureReason eq 'refused by upstream'" } }]);
    const bad = await gw.query('{ credentialUserRegistrationDetails(first: 5) { nodes { usageEvents(first: 2, filter: { failureReason: { eq: "refused by upstream" } }) { nodes { id } } } } }');
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
    gw.emulator.log.clear();
    const good = await gw.query(PAGE);
    expect(good.body.errors).toBeUndefined();
    expect(counted().some((r) => r.path === '/reports/userCredentialUsageDetails' && / or /.test(r.query.$filter ?? ''))).toBe(true);
  });
});

describe('reads shared across operations', () => {
  it('an entry past its TTL is served at once, stale, with its age in the extensions, while one refresh goes upstream', async () => {
    await start({ users: 40 }, { GRAPH_CACHE_TTL_SECONDS: '1', GRAPH_CACHE_STALE_SECONDS: '60' });
    const query = '{ credentialUserRegistrationDetails(first: 5) { nodes { id } } }';
    const fresh = await gw.query(query);
    expect(fresh.body.extensions?.cache).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    gw.emulator.log.clear();
    const stale = await gw.query(query);
    expect(stale.body.data).toEqual(fresh.body.data);
    expect(stale.body.extensions?.cache).toEqual({ ageSeconds: 1, stale: true });
    // The refresh is under way or done; once done, the next read is fresh again and costs nothing.
    for (let i = 0; i < 50 && counted().filter((r) => r.status === 200).length < 1; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(counted()).toHaveLength(1);
    const again = await gw.query(query);
    expect(again.body.extensions?.cache).toEqual({ ageSeconds: 0, stale: false });
    expect(counted()).toHaveLength(1);
  });

  it('a scanned report past its TTL serves at once, stale, while one scan refreshes it whole', async () => {
    await start({ users: 150 }, { GRAPH_CACHE_TTL_SECONDS: '1', GRAPH_CACHE_STALE_SECONDS: '60' });
    const users = gw.emulator.data.userRegistrationDetails;
    const lookup = (ids: string[]) => gw.query(`${ENTITIES} fragment F on UserRegistrationDetails { id }`, { r: ids.map((id) => ({ __typename: 'UserRegistrationDetails', id })) });
    const firstPage = users.slice(0, 10).map((u) => u.id);
    const both = [...firstPage, ...users.slice(140).map((u) => u.id)];
    expect((await lookup(both)).body.data!._entities).toEqual(both.map((id) => ({ id })));
    // Keys on both pages of 100: the scan read the whole report and cached it.
    expect(unfiltered(DIRECTORY_PATH)).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    gw.emulator.log.clear();
    // Keys of the first page only: still the whole report is read again, not just the page that holds them.
    const stale = await lookup(firstPage);
    expect(stale.body.data!._entities).toEqual(firstPage.map((id) => ({ id })));
    expect(stale.body.extensions?.cache).toEqual({ ageSeconds: 1, stale: true });
    for (let i = 0; i < 100 && counted().filter((r) => r.status === 200).length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unfiltered(DIRECTORY_PATH)).toHaveLength(2);
    const fresh = await lookup(both);
    expect(fresh.body.extensions?.cache).toEqual({ ageSeconds: 0, stale: false });
    expect(counted()).toHaveLength(2);
  });

  it('rows of keys read together, past their TTL, are refreshed even when one key is asked for alone', async () => {
    await start({ users: 20 }, { GRAPH_CACHE_TTL_SECONDS: '1', GRAPH_CACHE_STALE_SECONDS: '60' });
    const page = (first: number) => `{ credentialUserRegistrationDetails(first: ${first}) { nodes { userPrincipalName usageEvents(first: 2) { nodes { id } } } } }`;
    const all = await gw.query(page(8), undefined, { 'x-gateway-stats': 'true' });
    expect(plansOf(all)).toContain('userCredentialUsageDetails:coalesced');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    gw.emulator.log.clear();
    // One user: its page is a new read, its rows are the coalesced read's, served stale while they are refreshed.
    const one = await gw.query(page(1));
    expect(one.body.errors).toBeUndefined();
    expect(one.body.extensions?.cache).toEqual({ ageSeconds: 1, stale: true });
    const usage = () => counted().filter((r) => r.path === '/reports/userCredentialUsageDetails' && r.status === 200);
    for (let i = 0; i < 100 && usage().length < 1; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(usage()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await gw.query(page(1));
    expect(again.body.extensions?.cache).toEqual({ ageSeconds: 0, stale: false });
    expect(usage()).toHaveLength(1);
  });

  it("read your writes: a create drops that principal's cached reads of the report", async () => {
    await start({ users: 10 });
    const list = '{ credentialUserRegistrationDetails(first: 50) { nodes { userPrincipalName } } }';
    const before = await gw.query(list);
    expect(before.body.data!.credentialUserRegistrationDetails.nodes).toHaveLength(10);
    const created = await gw.query(`mutation { createCredentialUserRegistrationDetails(input: {
      userPrincipalName: "new.user@contoso.onmicrosoft.com", userDisplayName: "New User", authMethods: [EMAIL],
      isRegistered: true, isEnabled: true, isCapable: true, isMfaRegistered: false }) { id } }`);
    expect(created.body.errors).toBeUndefined();
    gw.emulator.log.clear();
    const after = await gw.query(list);
    expect(after.body.data!.credentialUserRegistrationDetails.nodes.map((n: any) => n.userPrincipalName)).toContain('new.user@contoso.onmicrosoft.com');
    expect(counted()).toHaveLength(1);
  });
});
