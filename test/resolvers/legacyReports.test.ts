import { startGateway, type TestGateway } from '../support/startGateway';

/** Every legacy root field through the real gateway, asserting what the emulator received. */
describe('legacy report fields against the emulator', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ emulator: { users: 60 } });
  });
  afterAll(() => gw.stop());
  beforeEach(() => gw.emulator.log.clear());

  const listCalls = (path: string) => gw.emulator.log.counted().filter((r) => r.path === path);

  it('returns the first five registrations of the demo tenant with their auth methods', async () => {
    const res = await gw.query('{ credentialUserRegistrationDetails(first: 5) { nodes { userPrincipalName authMethods } } }');
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data!.credentialUserRegistrationDetails.nodes;
    expect(nodes.map((n: any) => n.userPrincipalName)).toEqual(gw.emulator.data.registrationDetails.slice(0, 5).map((r) => r.userPrincipalName));
    const calls = listCalls('/reports/credentialUserRegistrationDetails');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.query.$top).toBe('5');
    expect(calls[0]!.headers.prefer).toContain('include-unknown-enum-members');
    expect(calls[0]!.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves an auth method the schema does not know (mobileSMS) as UNKNOWN_FUTURE_VALUE and logs it once', async () => {
    const first = gw.emulator.data.registrationDetails[0]!;
    expect(first.authMethods).toContain('mobileSMS');
    const res = await gw.query('{ credentialUserRegistrationDetails(first: 1) { nodes { authMethods } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.credentialUserRegistrationDetails.nodes[0].authMethods).toContain('UNKNOWN_FUTURE_VALUE');
    await gw.query('{ credentialUserRegistrationDetails(first: 1) { nodes { authMethods } } }');
    const warnings = gw.logs.filter((l) => l.includes('"value":"mobileSMS"'));
    expect(warnings).toHaveLength(1);
  });

  it('compiles every registration filter part into one escaped $filter', async () => {
    const target = gw.emulator.data.registrationDetails.find((r) => r.userDisplayName.includes("'"))!;
    const res = await gw.query(
      `query($name: String!) { credentialUserRegistrationDetails(filter: {
          userDisplayName: { eq: $name }, userPrincipalName: { startsWith: "${target.userPrincipalName.slice(0, 3)}" },
          authMethods: { any: [EMAIL, FIDO] }, isRegistered: ${target.isRegistered}, isEnabled: ${target.isEnabled},
          isCapable: ${target.isCapable}, isMfaRegistered: ${target.isMfaRegistered} }) { nodes { id userDisplayName } } }`,
      { name: target.userDisplayName },
    );
    expect(res.body.errors).toBeUndefined();
    const received = listCalls('/reports/credentialUserRegistrationDetails')[0]!.query.$filter;
    const quoted = target.userDisplayName.replace(/'/g, "''");
    expect(received).toBe(
      `userDisplayName eq '${quoted}' and startswith(userPrincipalName,'${target.userPrincipalName.slice(0, 3)}') and ` +
        `authMethods/any(t:t eq 'email' or t eq 'fido') and isRegistered eq ${target.isRegistered} and isEnabled eq ${target.isEnabled} and ` +
        `isCapable eq ${target.isCapable} and isMfaRegistered eq ${target.isMfaRegistered}`,
    );
    const expectedIds = target.authMethods.some((m) => m === 'email' || m === 'fido') ? [target.id] : [];
    expect(res.body.data!.credentialUserRegistrationDetails.nodes.map((n: any) => n.id)).toEqual(expectedIds);
  });

  it('finds names with %, &, # and + by eq, and orders by the requested fields', async () => {
    for (const symbol of ['%', '&', '#', '+']) {
      const target = gw.emulator.data.registrationDetails.find((r) => r.userDisplayName.includes(symbol));
      if (!target) continue;
      const res = await gw.query('query($n: String!) { credentialUserRegistrationDetails(filter: { userDisplayName: { eq: $n } }) { nodes { id } } }', { n: target.userDisplayName });
      expect(res.body.data!.credentialUserRegistrationDetails.nodes.map((n: any) => n.id)).toContain(target.id);
    }
    gw.emulator.log.clear();
    const res = await gw.query('{ credentialUserRegistrationDetails(first: 3, orderBy: [{ field: IS_MFA_REGISTERED, direction: DESC }, { field: USER_DISPLAY_NAME }]) { nodes { id } } }');
    expect(res.body.errors).toBeUndefined();
    expect(listCalls('/reports/credentialUserRegistrationDetails')[0]!.query.$orderby).toBe('isMfaRegistered desc,userDisplayName asc');
  });

  it('compiles every usage-event filter part, dates unquoted', async () => {
    const res = await gw.query(`{ userCredentialUsageDetails(first: 10, filter: {
        userDisplayName: { startsWith: "A" }, userPrincipalName: { eq: "a@b.c" }, failureReason: { startsWith: "User" },
        feature: RESET, isSuccess: false, authMethod: MOBILE_SMS,
        eventDateTime: { ge: "2024-01-01T00:00:00Z", lt: "2024-02-01T00:00:00.5+01:00" } },
        orderBy: [{ field: EVENT_DATE_TIME, direction: DESC }]) { nodes { id } } }`);
    expect(res.body.errors).toBeUndefined();
    const call = listCalls('/reports/userCredentialUsageDetails')[0]!;
    expect(call.query.$filter).toBe(
      "startswith(userDisplayName,'A') and userPrincipalName eq 'a@b.c' and startswith(failureReason,'User') and feature eq 'reset' and " +
        "isSuccess eq false and authMethod eq 'mobileSMS' and eventDateTime ge 2024-01-01T00:00:00Z and eventDateTime lt 2024-01-31T23:00:00.500Z",
    );
    expect(call.query.$orderby).toBe('eventDateTime desc');
  });

  it('returns usage events whose fields match the emulator rows', async () => {
    const res = await gw.query('{ userCredentialUsageDetails(first: 4) { nodes { id userPrincipalName feature isSuccess authMethod failureReason eventDateTime } } }');
    expect(res.body.errors).toBeUndefined();
    const rows = gw.emulator.data.usageDetails.slice(0, 4);
    expect(res.body.data!.userCredentialUsageDetails.nodes.map((n: any) => n.id)).toEqual(rows.map((r) => r.id));
    expect(res.body.data!.userCredentialUsageDetails.nodes[0].eventDateTime).toBe(rows[0]!.eventDateTime);
  });

  it('calls the usage summary function with its period and feature filter', async () => {
    const res = await gw.query('{ credentialUsageSummary(period: D7, filter: { feature: REGISTRATION }) { id feature authMethod successfulActivityCount failureActivityCount } }');
    expect(res.body.errors).toBeUndefined();
    const call = gw.emulator.log.counted().find((r) => r.path.startsWith('/reports/getCredentialUsageSummary'))!;
    expect(call.path).toBe("/reports/getCredentialUsageSummary(period='D7')");
    expect(call.query.$filter).toBe("feature eq 'registration'");
    expect(call.query.$top).toBeUndefined();
    for (const row of res.body.data!.credentialUsageSummary) expect(row.feature).toBe('REGISTRATION');
  });

  it('reads the registration count collection with no query options', async () => {
    const res = await gw.query('{ credentialUserRegistrationCount { totalUserCount userRegistrationCounts { registrationStatus registrationCount } } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.credentialUserRegistrationCount[0].totalUserCount).toBe(60);
    const call = gw.emulator.log.counted().find((r) => r.path === '/reports/getCredentialUserRegistrationCount')!;
    expect(call.query).toEqual({});
  });

  it('exposes tenant summaries under organization names and filters on the upstream tenant names', async () => {
    const tenant = gw.emulator.data.tenantSummaries[2]!;
    const res = await gw.query(
      'query($id: String!) { credentialUserRegistrationsSummaries(filter: { organizationId: { eq: $id }, organizationDisplayName: { startsWith: "" } }) { nodes { organizationId organizationDisplayName mfaExcludedUserCount tenantLicenseType } } }',
      { id: tenant.tenantId },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.credentialUserRegistrationsSummaries.nodes).toEqual([
      { organizationId: tenant.tenantId, organizationDisplayName: tenant.tenantDisplayName, mfaExcludedUserCount: tenant.mfaExcludedUserCount, tenantLicenseType: tenant.tenantLicenseType },
    ]);
    expect(listCalls('/tenantRelationships/managedTenants/credentialUserRegistrationsSummaries')[0]!.query.$filter).toBe(
      `tenantId eq '${tenant.tenantId}' and startswith(tenantDisplayName,'')`,
    );
  });

  it('refuses UNKNOWN_FUTURE_VALUE and empty lists in filters with BAD_USER_INPUT naming the argument, before any upstream call', async () => {
    const cases: [string, string][] = [
      ['{ userCredentialUsageDetails(filter: { authMethod: UNKNOWN_FUTURE_VALUE }) { nodes { id } } }', 'filter.authMethod'],
      ['{ credentialUserRegistrationDetails(filter: { authMethods: { any: [EMAIL, UNKNOWN_FUTURE_VALUE] } }) { nodes { id } } }', 'filter.authMethods.any'],
      ['{ credentialUserRegistrationDetails(filter: { authMethods: { any: [] } }) { nodes { id } } }', 'filter.authMethods.any'],
    ];
    for (const [query, argument] of cases) {
      const res = await gw.query(query);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(res.body.errors?.[0]?.message).toContain(`\`${argument}\``);
    }
    const control = await gw.query('query($n: String!) { credentialUserRegistrationDetails(filter: { userDisplayName: { eq: $n } }) { nodes { id } } }', { n: 'line\nbreak' });
    expect(control.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(gw.emulator.log.all()).toHaveLength(0);
  });
});
