import { startGateway, type TestGateway } from '../support/startGateway';

describe('create mutations', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ emulator: { users: 10 } });
  });
  afterAll(() => gw.stop());
  beforeEach(() => {
    gw.emulator.log.clear();
    gw.emulator.setFaults([]);
  });

  it('creates registration details with a POST that answers 201, and the row is then listed', async () => {
    const res = await gw.query(`mutation { createCredentialUserRegistrationDetails(input: {
        userPrincipalName: "new.user@contoso.com", userDisplayName: "New O'User", authMethods: [EMAIL, MOBILE_PHONE],
        isRegistered: true, isEnabled: true, isCapable: true, isMfaRegistered: false }) { id userPrincipalName authMethods isMfaRegistered } }`);
    expect(res.body.errors).toBeUndefined();
    const created = res.body.data!.createCredentialUserRegistrationDetails;
    expect(created).toMatchObject({ userPrincipalName: 'new.user@contoso.com', authMethods: ['EMAIL', 'MOBILE_PHONE'], isMfaRegistered: false });
    const post = gw.emulator.log.counted().find((r) => r.method === 'POST')!;
    expect(post.status).toBe(201);
    expect(post.body).toMatchObject({ userDisplayName: "New O'User", authMethods: ['email', 'mobilePhone'] });
    const listed = await gw.query('{ credentialUserRegistrationDetails(filter: { userPrincipalName: { eq: "new.user@contoso.com" } }) { nodes { id } } }');
    expect(listed.body.data!.credentialUserRegistrationDetails.nodes).toEqual([{ id: created.id }]);
  });

  it('creates a usage event', async () => {
    const res = await gw.query(`mutation { createUserCredentialUsageDetails(input: {
        userPrincipalName: "new.user@contoso.com", feature: RESET, isSuccess: false, authMethod: EMAIL,
        eventDateTime: "2024-03-01T10:00:00Z", failureReason: "UserNotRegistered" }) { id feature authMethod eventDateTime failureReason } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.createUserCredentialUsageDetails).toMatchObject({ feature: 'RESET', authMethod: 'EMAIL', failureReason: 'UserNotRegistered' });
    const post = gw.emulator.log.counted().find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/reports/userCredentialUsageDetails');
    expect(post.body).toMatchObject({ feature: 'reset', authMethod: 'email', eventDateTime: '2024-03-01T10:00:00Z' });
  });

  it('creates a tenant summary, sending organization names as upstream tenant names', async () => {
    const res = await gw.query(`mutation { createCredentialUserRegistrationsSummary(input: {
        organizationId: "00000000-0000-0000-0000-0000000000aa", organizationDisplayName: "Fabrikam & Co", mfaExcludedUserCount: 3 }) {
        organizationId organizationDisplayName mfaExcludedUserCount } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.createCredentialUserRegistrationsSummary).toEqual({
      organizationId: '00000000-0000-0000-0000-0000000000aa', organizationDisplayName: 'Fabrikam & Co', mfaExcludedUserCount: 3,
    });
    const post = gw.emulator.log.counted().find((r) => r.method === 'POST')!;
    expect(post.body).toMatchObject({ tenantId: '00000000-0000-0000-0000-0000000000aa', tenantDisplayName: 'Fabrikam & Co' });
    expect(post.body).not.toHaveProperty('organizationId');
  });

  it('maps an upstream refusal of a create to UPSTREAM_ERROR with status and Graph code, and never retries it', async () => {
    gw.emulator.setFaults([{ status: 405, code: 'Request_UnsupportedQuery', match: { method: 'POST' } }]);
    const res = await gw.query(`mutation { createUserCredentialUsageDetails(input: {
        userPrincipalName: "x@y.z", feature: RESET, isSuccess: true, authMethod: EMAIL, eventDateTime: "2024-03-01T10:00:00Z" }) { id } }`);
    expect(res.body.data).toBeNull();
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', httpStatus: 405, graphCode: 'Request_UnsupportedQuery' });
    expect(res.body.errors![0]!.extensions!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    gw.emulator.setFaults([{ status: 503, match: { method: 'POST' } }]);
    await gw.query(`mutation { createUserCredentialUsageDetails(input: {
        userPrincipalName: "x@y.z", feature: RESET, isSuccess: true, authMethod: EMAIL, eventDateTime: "2024-03-01T10:00:00Z" }) { id } }`);
    expect(gw.emulator.log.counted().filter((r) => r.method === 'POST' && r.status === 503)).toHaveLength(1);
  });
});
