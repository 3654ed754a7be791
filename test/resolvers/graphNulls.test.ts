import fixture from '../metadata/graph-metadata.json';
import { startGateway, type TestGateway } from '../support/startGateway';

/** The enum naming rule of the README, written out independently; "" is no value. */
const enumName = (value: string | null) => (value === null || value === '' ? null : value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase());

/** The properties Graph's metadata (the checked-in extract) leaves nullable on one type of one version. */
function nullableIn(version: 'v1.0' | 'beta', type: string): string[] {
  const properties = (fixture[version].types as Record<string, { properties: Record<string, { nullable: boolean }> }>)[type]!.properties;
  return Object.entries(properties).filter(([, p]) => p.nullable).map(([name]) => name);
}

/**
 * Real tenants send null wherever Graph's metadata allows it, and the emulator's seeded tenant does too: a
 * page holding such rows is served whole, with null in those fields and no error.
 */
describe('pages with the nulls Graph allows', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ emulator: { users: 120 }, env: { GRAPH_CACHE_TTL_SECONDS: '0' } });
  });
  afterAll(() => gw.stop());
  beforeEach(() => gw.emulator.log.clear());

  const FIELDS = `id userPrincipalName userDisplayName userType isAdmin isMfaCapable isMfaRegistered isPasswordlessCapable isSsprCapable
    isSsprEnabled isSsprRegistered isSystemPreferredAuthenticationMethodEnabled lastUpdatedDateTime methodsRegistered
    systemPreferredAuthenticationMethods userPreferredMethodForSecondaryAuthentication`;

  it.each([
    ['v1.0', ''],
    ['beta', 'defaultMfaMethod'],
  ] as const)('a %s page of userRegistrationDetails with nulls in every nullable property is served whole', async (version, extra) => {
    const res = await gw.query(`{ userRegistrationDetails(first: 120) { nodes { ${FIELDS} ${extra} } } }`);
    expect(res.body.errors).toBeUndefined();
    const nodes: Record<string, unknown>[] = res.body.data!.userRegistrationDetails.nodes;
    const expected = gw.emulator.data.userRegistrationDetails.map(({ defaultMfaMethod, userType, userPreferredMethodForSecondaryAuthentication, ...row }) => ({
      ...row,
      userType: enumName(userType),
      userPreferredMethodForSecondaryAuthentication: enumName(userPreferredMethodForSecondaryAuthentication),
      ...(extra === '' ? {} : { defaultMfaMethod: enumName(defaultMfaMethod) }),
    }));
    expect(nodes).toEqual(expected);
    const nullable = nullableIn(version, 'microsoft.graph.userRegistrationDetails');
    expect(nullable).toEqual(expect.arrayContaining(['isAdmin', 'methodsRegistered', 'userType', ...(extra === '' ? [] : [extra])]));
    for (const field of nullable) expect([field, nodes.some((n) => n[field] === null)]).toEqual([field, true]);
    // "" from upstream is served as null too: a user without a default method has none.
    const empty = gw.emulator.data.userRegistrationDetails.filter((u) => u.userPreferredMethodForSecondaryAuthentication === '').map((u) => u.id);
    expect(empty.length).toBeGreaterThan(0);
    expect(nodes.filter((n) => empty.includes(n['id'] as string)).every((n) => n['userPreferredMethodForSecondaryAuthentication'] === null)).toBe(true);
    // The emulator pages at 100 rows, so the gateway follows one nextLink to fill the page.
    expect(gw.emulator.log.counted().map((r) => [r.version, r.path])).toEqual([1, 2].map(() => [version, '/reports/authenticationMethods/userRegistrationDetails']));
  });

  it('a page of tenant summaries with nulls in every property Graph leaves nullable is served whole', async () => {
    const res = await gw.query(`{ credentialUserRegistrationsSummaries(first: 25) { nodes { id organizationId organizationDisplayName
      mfaAndSsprCapableUserCount mfaConditionalAccessPolicyState mfaExcludedUserCount mfaRegisteredUserCount securityDefaultsEnabled
      ssprEnabledUserCount ssprRegisteredUserCount totalUserCount tenantLicenseType lastRefreshedDateTime } } }`);
    expect(res.body.errors).toBeUndefined();
    const nodes: Record<string, unknown>[] = res.body.data!.credentialUserRegistrationsSummaries.nodes;
    expect(nodes).toEqual(gw.emulator.data.tenantSummaries.map(({ tenantId, tenantDisplayName, ...row }) => ({
      ...row, organizationId: tenantId, organizationDisplayName: tenantDisplayName,
    })));
    const renamed: Record<string, string> = { tenantId: 'organizationId', tenantDisplayName: 'organizationDisplayName' };
    const nullable = nullableIn('beta', 'microsoft.graph.managedTenants.credentialUserRegistrationsSummary').map((p) => renamed[p] ?? p);
    expect(nullable).toHaveLength(12);
    for (const field of nullable) expect([field, nodes.some((n) => n[field] === null)]).toEqual([field, true]);
    expect(gw.emulator.log.counted()).toHaveLength(1);
  });

  it('usage events carry failureReason "" on success, as Graph sends it, and the failure text otherwise', async () => {
    const res = await gw.query('{ userEventsSummary(first: 200) { nodes { id isSuccess failureReason } } }');
    expect(res.body.errors).toBeUndefined();
    const nodes: { id: string; isSuccess: boolean; failureReason: string | null }[] = res.body.data!.userEventsSummary.nodes;
    expect(nodes.length).toBeGreaterThan(50);
    expect(nodes.filter((n) => n.isSuccess).every((n) => n.failureReason === '')).toBe(true);
    expect(nodes.filter((n) => !n.isSuccess).every((n) => typeof n.failureReason === 'string' && n.failureReason.length > 0)).toBe(true);
  });
});
