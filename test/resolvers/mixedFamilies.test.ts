import { startGateway, type TestGateway } from '../support/startGateway';

const DETAILS = '/reports/authenticationMethods/userRegistrationDetails';
const BY_FEATURE = "/reports/authenticationMethods/usersRegisteredByFeature(includedUserRoles='all',includedUserTypes='all')";
const SUCCESSORS = {
  credentialUserRegistrationDetails: 'userRegistrationDetails',
  userCredentialUsageDetails: 'userEventsSummary',
  credentialUsageSummary: 'userRegistrationActivity',
  credentialUserRegistrationCount: 'usersRegisteredByFeature',
};
const TRIO = `{ credentialUserRegistrationDetails(first: 3) { nodes { id isMfaRegistered } }
  userRegistrationDetails(first: 3) { nodes { id isMfaRegistered } } usersRegisteredByFeature { totalUserCount } }`;

/** The legacy family and its successors side by side in one schema, one operation, one emulator. */
describe('legacy and successor reports in the same operations', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ emulator: { users: 60 }, env: { GRAPH_CACHE_TTL_SECONDS: '0', GRAPH_MAX_RETRIES: '0', GRAPH_MAX_THROTTLE_RETRIES: '0' } });
  });
  afterAll(() => gw.stop());
  beforeEach(() => {
    gw.emulator.log.clear();
    gw.emulator.setFaults([]);
  });

  const users = () => gw.emulator.data.userRegistrationDetails;
  const sent = () => gw.emulator.log.counted().map((c) => [c.version, c.path]);

  it('reads userRegistrationDetails from beta exactly when defaultMfaMethod is selected, however it is selected', async () => {
    const queries = [
      '{ userRegistrationDetails(first: 2) { nodes { defaultMfaMethod } } }',
      '{ userRegistrationDetails(first: 2) { edges { node { ... on UserRegistrationDetails { defaultMfaMethod } } } } }',
      '{ userRegistrationDetails(first: 2) { ...F } } fragment F on UserRegistrationDetailsConnection { nodes { defaultMfaMethod } }',
    ];
    for (const query of queries) {
      gw.emulator.log.clear();
      const res = await gw.query(query);
      expect(res.body.errors).toBeUndefined();
      const first = users()[0]!.defaultMfaMethod!.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
      expect(JSON.stringify(res.body.data)).toContain(`"defaultMfaMethod":"${first}"`);
      expect(sent()).toEqual([['beta', DETAILS]]);
    }
    gw.emulator.log.clear();
    const res = await gw.query('{ userRegistrationDetails(first: 2) { nodes { id userType isMfaRegistered } } }');
    expect(res.body.data!.userRegistrationDetails.nodes.map((n: any) => n.id)).toEqual(users().slice(0, 2).map((u) => u.id));
    expect(sent()).toEqual([['v1.0', DETAILS]]);
  });

  it('refuses a cursor from one version on the other with BAD_USER_INPUT and no upstream call, and each continues on its own', async () => {
    const page = (withDefault: boolean, after?: string) =>
      gw.query(`query($after: String) { userRegistrationDetails(first: 2, after: $after) { nodes { id ${withDefault ? 'defaultMfaMethod' : ''} } pageInfo { endCursor } } }`, { after });
    const v1 = (await page(false)).body.data!.userRegistrationDetails.pageInfo.endCursor;
    const beta = (await page(true)).body.data!.userRegistrationDetails.pageInfo.endCursor;
    gw.emulator.log.clear();
    for (const [withDefault, cursor] of [[true, v1], [false, beta]] as const) {
      const res = await page(withDefault, cursor);
      expect(res.body.data!.userRegistrationDetails).toBeNull();
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    }
    expect(gw.emulator.log.all()).toHaveLength(0);
    const next = users().slice(2, 4).map((u) => u.id);
    expect((await page(false, v1)).body.data!.userRegistrationDetails.nodes.map((n: any) => n.id)).toEqual(next);
    expect((await page(true, beta)).body.data!.userRegistrationDetails.nodes.map((n: any) => n.id)).toEqual(next);
    expect(sent()).toEqual([['v1.0', DETAILS], ['beta', DETAILS]]);
  });

  it('sends the v1.0 and the beta reads of one operation in one $batch envelope per version', async () => {
    const res = await gw.query(`{ v1: userRegistrationDetails(first: 2) { nodes { id } } usersRegisteredByFeature { totalUserCount }
      b: userRegistrationDetails(first: 2) { nodes { defaultMfaMethod } } userEventsSummary(first: 2) { nodes { id } }
      userRegistrationActivity(period: D30) { id } credentialUserRegistrationCount { totalUserCount } }`);
    expect(res.body.errors).toBeUndefined();
    const envelopes = gw.emulator.log.http();
    expect(envelopes.map((e) => [e.method, e.version, e.path, e.batchSize]).sort()).toEqual([
      ['POST', 'beta', '/$batch', 4], ['POST', 'v1.0', '/$batch', 2],
    ]);
    const inner = gw.emulator.log.all().filter((r) => r.batch !== undefined);
    expect(inner).toHaveLength(6);
    for (const request of inner) expect(request.version).toBe(envelopes.find((e) => e.seq === request.batch!.envelopeSeq)!.version);
    expect(inner.filter((r) => r.version === 'v1.0').map((r) => r.path).sort()).toEqual([DETAILS, BY_FEATURE]);
  });

  it('returns a legacy report, its successor and a summary from one operation, with the same users and MFA facts', async () => {
    const res = await gw.query(`{ credentialUserRegistrationDetails(first: 60) { nodes { id userPrincipalName isRegistered isEnabled isCapable isMfaRegistered } }
      userRegistrationDetails(first: 60) { nodes { id userPrincipalName isSsprRegistered isSsprEnabled isSsprCapable isMfaRegistered } }
      credentialUserRegistrationCount { totalUserCount userRegistrationCounts { registrationStatus registrationCount } }
      usersRegisteredByFeature { totalUserCount userRegistrationFeatureCounts { feature userCount } } }`);
    expect(res.body.errors).toBeUndefined();
    const data = res.body.data!;
    const legacy = data.credentialUserRegistrationDetails.nodes;
    const successor = data.userRegistrationDetails.nodes;
    expect(successor.map((n: any) => n.id)).toEqual(legacy.map((n: any) => n.id));
    expect(legacy).toHaveLength(60);
    expect(successor.map((n: any) => [n.id, n.userPrincipalName, n.isSsprRegistered, n.isSsprEnabled, n.isSsprCapable, n.isMfaRegistered])).toEqual(
      legacy.map((n: any) => [n.id, n.userPrincipalName, n.isRegistered, n.isEnabled, n.isCapable, n.isMfaRegistered]),
    );
    const legacyCounts = Object.fromEntries(data.credentialUserRegistrationCount[0].userRegistrationCounts.map((c: any) => [c.registrationStatus, c.registrationCount]));
    const featureCounts = Object.fromEntries(data.usersRegisteredByFeature.userRegistrationFeatureCounts.map((c: any) => [c.feature, c.userCount]));
    expect(data.usersRegisteredByFeature.totalUserCount).toBe(data.credentialUserRegistrationCount[0].totalUserCount);
    expect([featureCounts.SSPR_REGISTERED, featureCounts.SSPR_ENABLED, featureCounts.SSPR_CAPABLE]).toEqual([legacyCounts.REGISTERED, legacyCounts.ENABLED, legacyCounts.CAPABLE]);
    expect(legacyCounts.MFA_REGISTERED).toBe(successor.filter((n: any) => n.isMfaRegistered).length);
  });

  it('when the summary fails upstream (503), it alone is null with UPSTREAM_UNAVAILABLE and the other two keep their data', async () => {
    gw.emulator.setFaults([{ status: 503, match: { pathIncludes: 'usersRegisteredByFeature' } }]);
    const res = await gw.query(TRIO);
    expect(res.body.data!.usersRegisteredByFeature).toBeNull();
    expect(res.body.data!.credentialUserRegistrationDetails.nodes).toHaveLength(3);
    expect(res.body.data!.userRegistrationDetails.nodes.map((n: any) => n.id)).toEqual(users().slice(0, 3).map((u) => u.id));
    expect(res.body.errors!.map((e) => [e.path, e.extensions!.code, e.extensions!.httpStatus])).toEqual([[['usersRegisteredByFeature'], 'UPSTREAM_UNAVAILABLE', 503]]);
    expect(gw.emulator.log.counted().filter((c) => c.path === BY_FEATURE).map((c) => c.status)).toEqual([503]);
  });

  it('in one beta envelope, a throttled userEventsSummary alone is null with UPSTREAM_THROTTLED; usage events and activity keep their data', async () => {
    gw.emulator.setFaults([{ status: 429, retryAfter: '7', match: { pathIncludes: 'userEventsSummary', inner: true } }]);
    const res = await gw.query('{ userCredentialUsageDetails(first: 2) { nodes { id } } userEventsSummary(first: 2) { nodes { id } } userRegistrationActivity(period: D30) { id } }');
    expect(res.body.data!.userEventsSummary).toBeNull();
    expect(res.body.data!.userCredentialUsageDetails.nodes.map((n: any) => n.id)).toEqual(gw.emulator.data.usageDetails.slice(0, 2).map((e) => e.id));
    expect(res.body.data!.userRegistrationActivity.length).toBeGreaterThan(0);
    expect(res.body.errors!.map((e) => [e.path, e.extensions!.code, e.extensions!.retryAfter])).toEqual([[['userEventsSummary'], 'UPSTREAM_THROTTLED', 7]]);
    expect(gw.emulator.log.http().map((r) => [r.version, r.path, r.batchSize])).toEqual([['beta', '/$batch', 3]]);
  });

  it('when the legacy report fails upstream, the successor and the summary keep their data', async () => {
    gw.emulator.setFaults([{ status: 503, match: { pathIncludes: 'credentialUserRegistrationDetails' } }]);
    const res = await gw.query(TRIO);
    expect(res.body.data!.credentialUserRegistrationDetails).toBeNull();
    expect(res.body.data!.userRegistrationDetails.nodes).toHaveLength(3);
    expect(res.body.data!.usersRegisteredByFeature.totalUserCount).toBe(60);
    expect(res.body.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([[['credentialUserRegistrationDetails'], 'UPSTREAM_UNAVAILABLE']]);
  });

  it('when the whole v1.0 envelope fails, both v1.0 fields are null with a coded error and the beta legacy report keeps its data', async () => {
    gw.emulator.setFaults([{ status: 503, match: { pathIncludes: '$batch', inner: false } }]);
    const res = await gw.query(TRIO);
    expect(res.body.data!.credentialUserRegistrationDetails.nodes).toHaveLength(3);
    expect(res.body.data!.userRegistrationDetails).toBeNull();
    expect(res.body.data!.usersRegisteredByFeature).toBeNull();
    expect(res.body.errors!.map((e) => [e.path![0], e.extensions!.code]).sort()).toEqual([
      ['userRegistrationDetails', 'UPSTREAM_UNAVAILABLE'], ['usersRegisteredByFeature', 'UPSTREAM_UNAVAILABLE'],
    ]);
    expect(gw.emulator.log.http().map((r) => [r.version, r.path, r.status]).sort()).toEqual([['beta', '/reports/credentialUserRegistrationDetails', 200], ['v1.0', '/$batch', 503]]);
  });

  it('marks the four legacy root fields deprecated in favour of their successors, and leaves tenant summaries and successors undeprecated', async () => {
    const res = await gw.query('{ __type(name: "Query") { fields(includeDeprecated: true) { name description isDeprecated deprecationReason } } }');
    expect(res.body.errors).toBeUndefined();
    const fields = new Map<string, any>(res.body.data!.__type.fields.map((f: any) => [f.name, f]));
    for (const [legacy, successor] of Object.entries(SUCCESSORS)) {
      expect(fields.get(legacy)).toMatchObject({ isDeprecated: true, deprecationReason: expect.stringMatching(new RegExp(`use ${successor}$`)) });
      expect(fields.get(legacy).description).toContain(successor);
      expect(fields.get(successor)).toMatchObject({ isDeprecated: false, deprecationReason: null });
      expect(fields.get(successor).description).toContain(legacy);
    }
    expect(fields.get('credentialUserRegistrationsSummaries')).toMatchObject({ isDeprecated: false, deprecationReason: null });
    expect(fields.get('usersRegisteredByMethod')).toMatchObject({ isDeprecated: false });
    const visible = await gw.query('{ __type(name: "Query") { fields { name } } }');
    expect(visible.body.data!.__type.fields.map((f: any) => f.name)).not.toContain('credentialUserRegistrationDetails');
  });
});
