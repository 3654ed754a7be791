import { startGateway, type TestGateway } from '../support/startGateway';

const DETAILS = '/reports/authenticationMethods/userRegistrationDetails';
const EVENTS = '/reports/authenticationMethods/userEventsSummary';
const FLAGS = ['isMfaCapable', 'isMfaRegistered', 'isPasswordlessCapable', 'isSsprCapable', 'isSsprEnabled', 'isSsprRegistered', 'isSystemPreferredAuthenticationMethodEnabled'] as const;
/** The enum naming rule of the README, written out independently; "" is no value, so null. */
const enumName = (value: string | null) => (value === null || value === '' ? null : value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase());

/** Every successor root field through the real gateway, asserting what the emulator received. */
describe('successor report fields against the emulator', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // 120 users: the seed holds guests whose preferred method is "" from index 94 on.
    gw = await startGateway({ emulator: { users: 120 }, env: { GRAPH_CACHE_TTL_SECONDS: '0' } });
  });
  afterAll(() => gw.stop());
  beforeEach(() => gw.emulator.log.clear());

  const calls = (path: string) => gw.emulator.log.counted().filter((r) => r.path === path);
  const users = () => gw.emulator.data.userRegistrationDetails;
  const data = <T = any>(res: { body: { data?: any; errors?: unknown } }, field: string): T => {
    expect(res.body.errors).toBeUndefined();
    return res.body.data[field];
  };
  /** Follows `endCursor` until the last page; returns the ids seen, each page's hasNextPage and the last cursor. */
  const walk = async (query: string, field: string) => {
    const ids: string[] = [];
    const more: boolean[] = [];
    let after: string | null = null;
    let last = '';
    do {
      const page: any = data(await gw.query(query, { after }), field);
      ids.push(...page.nodes.map((n: any) => n.id));
      more.push(page.pageInfo.hasNextPage);
      last = page.pageInfo.endCursor;
      after = page.pageInfo.hasNextPage ? last : null;
    } while (after !== null);
    return { ids, more, last };
  };

  it('reads a page of userRegistrationDetails from v1.0 with the fields the emulator holds', async () => {
    const res = await gw.query(`{ userRegistrationDetails(first: 5) { nodes { id userPrincipalName userDisplayName userType isAdmin
      ${FLAGS.join(' ')} lastUpdatedDateTime methodsRegistered systemPreferredAuthenticationMethods userPreferredMethodForSecondaryAuthentication } } }`);
    const expected = users().slice(0, 5).map(({ defaultMfaMethod, userType, userPreferredMethodForSecondaryAuthentication, ...row }) => ({
      ...row, userType: enumName(userType), userPreferredMethodForSecondaryAuthentication: enumName(userPreferredMethodForSecondaryAuthentication),
    }));
    expect(data(res, 'userRegistrationDetails').nodes).toEqual(expected);
    const [call, ...more] = calls(DETAILS);
    expect(more).toHaveLength(0);
    expect(call).toMatchObject({ version: 'v1.0', query: { $top: '5' }, headers: { prefer: expect.stringContaining('include-unknown-enum-members') } });
  });

  it.each(FLAGS)('filters on %s with eq and returns exactly the users whose flag matches', async (flag) => {
    const res = await gw.query(`{ userRegistrationDetails(first: 1000, filter: { ${flag}: false }) { nodes { id } } }`);
    expect(calls(DETAILS)[0]!.query.$filter).toBe(`${flag} eq false`);
    const expected = users().filter((u) => u[flag] === false).map((u) => u.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(data(res, 'userRegistrationDetails').nodes.map((n: any) => n.id)).toEqual(expected);
  });

  it('compiles both name filters and both open-string any filters into one escaped $filter', async () => {
    const target = users().find((u) => u.userDisplayName.includes("'") && u.userPrincipalName.includes("'") && (u.systemPreferredAuthenticationMethods ?? []).length > 0)!;
    const prefix = target.userPrincipalName.slice(0, target.userPrincipalName.indexOf("'") + 1);
    const method = target.methodsRegistered!.find((m) => m !== 'passKeyDeviceBound')!;
    const preferred = target.systemPreferredAuthenticationMethods![0]!;
    const res = await gw.query(
      `query($name: String!, $prefix: String!, $method: String!, $preferred: String!) { userRegistrationDetails(filter: {
        userDisplayName: { eq: $name }, userPrincipalName: { startsWith: $prefix },
        methodsRegistered: { any: [$method, "passKeyDeviceBound"] }, systemPreferredAuthenticationMethods: { any: [$preferred] } }) { nodes { id } } }`,
      { name: target.userDisplayName, prefix, method, preferred },
    );
    expect(data(res, 'userRegistrationDetails').nodes).toEqual([{ id: target.id }]);
    const q = (s: string) => s.replace(/'/g, "''");
    expect(calls(DETAILS)[0]!.query.$filter).toBe(
      `startswith(userPrincipalName,'${q(prefix)}') and userDisplayName eq '${q(target.userDisplayName)}' and ` +
        `methodsRegistered/any(t:t eq '${method}' or t eq 'passKeyDeviceBound') and systemPreferredAuthenticationMethods/any(t:t eq '${preferred}')`,
    );
    gw.emulator.log.clear();
    const second = await gw.query('query($upn: String!) { userRegistrationDetails(filter: { userPrincipalName: { eq: $upn }, userDisplayName: { startsWith: "Zoë" } }) { nodes { id } } }', {
      upn: users()[0]!.userPrincipalName,
    });
    expect(data(second, 'userRegistrationDetails').nodes).toEqual([{ id: users()[0]!.id }]);
    expect(calls(DETAILS)[0]!.query.$filter).toBe(`userPrincipalName eq '${q(users()[0]!.userPrincipalName)}' and startswith(userDisplayName,'Zoë')`);
  });

  it('sends the order input as $orderby and returns the users in that order', async () => {
    const res = await gw.query('{ userRegistrationDetails(first: 30, orderBy: [{ field: USER_DISPLAY_NAME, direction: DESC }, { field: USER_PRINCIPAL_NAME }]) { nodes { userDisplayName } } }');
    expect(calls(DETAILS)[0]!.query.$orderby).toBe('userDisplayName desc,userPrincipalName asc');
    const names: string[] = data(res, 'userRegistrationDetails').nodes.map((n: any) => n.userDisplayName.toLowerCase());
    expect(names).toHaveLength(30);
    expect(names).toEqual([...names].sort().reverse());
  });

  it('pages through every user with first/after, each later page resuming from the skiptoken', async () => {
    const query = 'query($after: String) { userRegistrationDetails(first: 50, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }';
    const { ids, more } = await walk(query, 'userRegistrationDetails');
    expect(ids).toEqual(users().map((u) => u.id));
    expect(more).toEqual([true, true, false]);
    const sent = calls(DETAILS);
    expect(sent.map((c) => [c.version, c.query.$skiptoken === undefined])).toEqual([['v1.0', true], ['v1.0', false], ['v1.0', false]]);
  });

  it('compiles every userEventsSummary filter part on beta, dates unquoted, and maps its enums', async () => {
    const res = await gw.query(`{ userEventsSummary(first: 10, filter: {
        userDisplayName: { startsWith: "A" }, userPrincipalName: { eq: "a@b.c" }, failureReason: { startsWith: "User" },
        feature: RESET, isSuccess: false, authMethod: MOBILE_SMS, eventDateTime: { ge: "2024-01-01T00:00:00Z", lt: "2024-02-01T00:00:00.5+01:00" } },
        orderBy: [{ field: EVENT_DATE_TIME, direction: DESC }]) { nodes { id } } }`);
    expect(data(res, 'userEventsSummary').nodes).toEqual([]);
    const call = calls(EVENTS)[0]!;
    expect(call.version).toBe('beta');
    expect(call.query.$filter).toBe(
      "startswith(userDisplayName,'A') and userPrincipalName eq 'a@b.c' and startswith(failureReason,'User') and feature eq 'reset' and " +
        "isSuccess eq false and authMethod eq 'mobileSMS' and eventDateTime ge 2024-01-01T00:00:00Z and eventDateTime lt 2024-01-31T23:00:00.500Z",
    );
    expect(call.query.$orderby).toBe('eventDateTime desc');
    const page = await gw.query('{ userEventsSummary(first: 8) { nodes { id feature userPrincipalName userDisplayName isSuccess authMethod failureReason eventDateTime } } }');
    const rows = gw.emulator.data.userEventsSummary.slice(0, 8).map((r) => ({ ...r, feature: enumName(r.feature), authMethod: enumName(r.authMethod) }));
    expect(data(page, 'userEventsSummary').nodes).toEqual(rows);
  });

  it('pages through userEventsSummary keeping its filter, and refuses a cursor under another filter without calling upstream', async () => {
    const query = 'query($after: String) { userEventsSummary(first: 40, after: $after, filter: { feature: REGISTRATION }) { nodes { id } pageInfo { hasNextPage endCursor } } }';
    const { ids: seen, last: cursor } = await walk(query, 'userEventsSummary');
    expect(seen).toEqual(gw.emulator.data.userEventsSummary.filter((e) => e.feature === 'registration').map((e) => e.id));
    const sent = calls(EVENTS);
    expect(sent.length).toBe(Math.ceil(seen.length / 40));
    for (const call of sent) expect(call.query.$filter).toBe("feature eq 'registration'");
    gw.emulator.log.clear();
    const foreign = await gw.query('query($c: String) { userEventsSummary(first: 40, after: $c, filter: { feature: RESET }) { nodes { id } } }', { c: cursor });
    expect(foreign.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(gw.emulator.log.all()).toHaveLength(0);
  });

  it('calls usersRegisteredByFeature with its parameters in Graph spelling, ALL by default, and serves the counts', async () => {
    const chosen = await gw.query('{ usersRegisteredByFeature(includedUserTypes: MEMBER, includedUserRoles: PRIVILEGED_ADMIN) { userRoles userTypes } }');
    expect(data(chosen, 'usersRegisteredByFeature')).toEqual({ userRoles: 'PRIVILEGED_ADMIN', userTypes: 'MEMBER' });
    const res = await gw.query('{ usersRegisteredByFeature { totalUserCount userRegistrationFeatureCounts { feature userCount } userRoles userTypes } }');
    expect(gw.emulator.log.counted().map((c) => [c.version, c.path])).toEqual([
      ['v1.0', "/reports/authenticationMethods/usersRegisteredByFeature(includedUserRoles='privilegedAdmin',includedUserTypes='member')"],
      ['v1.0', "/reports/authenticationMethods/usersRegisteredByFeature(includedUserRoles='all',includedUserTypes='all')"],
    ]);
    const features = { SSPR_REGISTERED: 'isSsprRegistered', SSPR_ENABLED: 'isSsprEnabled', SSPR_CAPABLE: 'isSsprCapable', PASSWORDLESS_CAPABLE: 'isPasswordlessCapable', MFA_CAPABLE: 'isMfaCapable' } as const;
    const userRegistrationFeatureCounts = Object.entries(features).map(([feature, flag]) => ({ feature, userCount: users().filter((u) => u[flag]).length }));
    expect(data(res, 'usersRegisteredByFeature')).toEqual({ totalUserCount: 120, userRegistrationFeatureCounts, userRoles: 'ALL', userTypes: 'ALL' });
  });

  it('counts usersRegisteredByMethod for the chosen audience, methods as the open strings upstream sent', async () => {
    const res = await gw.query('{ usersRegisteredByMethod(includedUserTypes: MEMBER, includedUserRoles: USER) { totalUserCount userRegistrationMethodCounts { authenticationMethod userCount } userRoles userTypes } }');
    expect(calls("/reports/authenticationMethods/usersRegisteredByMethod(includedUserRoles='user',includedUserTypes='member')")).toHaveLength(1);
    const audience = users().filter((u) => u.userType === 'member' && !u.isAdmin);
    const counts = new Map<string, number>();
    for (const u of audience) for (const m of u.methodsRegistered ?? []) counts.set(m, (counts.get(m) ?? 0) + 1);
    const summary = data(res, 'usersRegisteredByMethod');
    expect(summary).toMatchObject({ totalUserCount: audience.length, userRoles: 'USER', userTypes: 'MEMBER' });
    expect(summary.userRegistrationMethodCounts).toEqual([...counts].map(([authenticationMethod, userCount]) => ({ authenticationMethod, userCount })));
    expect(summary.userRegistrationMethodCounts.map((c: any) => c.authenticationMethod)).toContain('windowsHelloForBusiness');
  });

  it('refuses UNKNOWN_FUTURE_VALUE as an audience with BAD_USER_INPUT and no upstream call', async () => {
    const res = await gw.query('{ f: usersRegisteredByFeature(includedUserTypes: UNKNOWN_FUTURE_VALUE) { totalUserCount } m: usersRegisteredByMethod(includedUserRoles: UNKNOWN_FUTURE_VALUE) { totalUserCount } }');
    expect(res.body.data).toEqual({ f: null, m: null });
    expect(res.body.errors!.map((e) => [e.path, e.extensions!.code, e.extensions!.argument])).toEqual([
      [['f'], 'BAD_USER_INPUT', 'includedUserTypes'], [['m'], 'BAD_USER_INPUT', 'includedUserRoles'],
    ]);
    expect(gw.emulator.log.all()).toHaveLength(0);
  });

  it('calls userRegistrationActivity with a lower-case period and its filter, with counts over that period', async () => {
    const res = await gw.query('{ userRegistrationActivity(period: D7, filter: { feature: REGISTRATION, authMethod: MOBILE_SMS }) { feature authMethod successfulActivityCount failureActivityCount } }');
    const [call, ...rest] = gw.emulator.log.counted();
    expect(rest).toHaveLength(0);
    expect(call).toMatchObject({ version: 'beta', path: "/reports/authenticationMethods/userRegistrationActivity(period='d7')" });
    expect(call!.query).toEqual({ $filter: "feature eq 'registration' and authMethod eq 'mobileSMS'" });
    const since = Date.parse(gw.emulator.data.referenceDateTime) - 7 * 86_400_000;
    const events = gw.emulator.data.userEventsSummary.filter((e) => e.feature === 'registration' && e.authMethod === 'mobileSMS' && Date.parse(e.eventDateTime) >= since);
    expect(data(res, 'userRegistrationActivity')).toEqual([
      { feature: 'REGISTRATION', authMethod: 'MOBILE_SMS', successfulActivityCount: events.filter((e) => e.isSuccess).length, failureActivityCount: events.filter((e) => !e.isSuccess).length },
    ]);
    gw.emulator.log.clear();
    await gw.query('{ a: userRegistrationActivity(period: D1) { id } b: userRegistrationActivity(period: D30) { id } }');
    expect(gw.emulator.log.counted().map((c) => c.path).sort()).toEqual([
      "/reports/authenticationMethods/userRegistrationActivity(period='d1')", "/reports/authenticationMethods/userRegistrationActivity(period='d30')",
    ]);
  });

  it('names enum values in SCREAMING_SNAKE_CASE, serves "" as null without logging it, and passes open strings and null collections through', async () => {
    const res = await gw.query('{ userRegistrationDetails(first: 120) { nodes { id userType userPreferredMethodForSecondaryAuthentication defaultMfaMethod methodsRegistered systemPreferredAuthenticationMethods } } }');
    const nodes = data(res, 'userRegistrationDetails').nodes;
    expect(nodes).toEqual(users().map((u) => ({
      id: u.id, userType: enumName(u.userType), userPreferredMethodForSecondaryAuthentication: enumName(u.userPreferredMethodForSecondaryAuthentication),
      defaultMfaMethod: enumName(u.defaultMfaMethod), methodsRegistered: u.methodsRegistered, systemPreferredAuthenticationMethods: u.systemPreferredAuthenticationMethods,
    })));
    const empty = users().filter((u) => u.userPreferredMethodForSecondaryAuthentication === '').map((u) => u.id);
    expect(empty.length).toBeGreaterThan(0);
    expect(nodes.filter((n: any) => empty.includes(n.id)).map((n: any) => n.userPreferredMethodForSecondaryAuthentication)).toEqual(empty.map(() => null));
    const named = ['VOICE_MOBILE', 'MICROSOFT_AUTHENTICATOR_PUSH', 'SOFTWARE_ONE_TIME_PASSCODE', 'MOBILE_PHONE'];
    expect(nodes.flatMap((n: any) => [n.userPreferredMethodForSecondaryAuthentication, n.defaultMfaMethod])).toEqual(expect.arrayContaining(named));
    expect(nodes.flatMap((n: any) => n.methodsRegistered ?? [])).toEqual(expect.arrayContaining(['passKeyDeviceBound', 'externalAuthMethod', 'microsoftAuthenticatorPush']));
    // "Unknown" (null) and "none" ([]) stay apart.
    expect(nodes.map((n: any) => n.methodsRegistered)).toEqual(expect.arrayContaining([null, []]));
    expect(gw.logs.filter((l) => l.includes('"enum":"userDefaultAuthenticationMethod"') && l.includes('"value":""'))).toHaveLength(0);
  });
});
