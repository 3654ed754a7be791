import { startOidcProvider } from '../support/oidc/startOidcProvider';
import type { OidcProvider } from '../support/oidc/OidcProvider';
import { startGateway, type TestGateway } from '../support/startGateway';

// Every report in one operation: the four Graph does not serve to applications, and two it does.
const EVERY_KIND = `{
  usersRegisteredByMethod { totalUserCount }
  usersRegisteredByFeature { totalUserCount }
  userRegistrationActivity(period: D7) { id }
  credentialUserRegistrationsSummaries(first: 1) { nodes { id } }
  userRegistrationDetails(first: 2) { nodes { id } }
  userEventsSummary(first: 2) { nodes { id } }
}`;

describe('permissions Graph serves per token type, with GRAPH_AUTH=app', () => {
  let idp: OidcProvider;
  let gw: TestGateway;
  beforeAll(async () => {
    idp = await startOidcProvider();
    gw = await startGateway({
      emulator: { users: 10 },
      httpsAgent: idp.httpsAgent,
      env: { GRAPH_AUTH: 'app', AZURE_TENANT_ID: idp.tenantId, AZURE_CLIENT_ID: idp.clientId, AZURE_CLIENT_SECRET: idp.clientSecret, AZURE_AUTHORITY_HOST: idp.authorityHost },
    });
  });
  afterAll(async () => {
    await gw?.stop();
    await idp?.close();
  });

  it('answers FORBIDDEN naming the mode that works for each report Graph does not serve to applications, before any upstream call for it, while the rest keep their data', async () => {
    const res = await gw.query(EVERY_KIND);
    expect(res.status).toBe(200);
    const refused = (res.body.errors ?? []).map((e) => [e.path?.[0], e.extensions?.code, e.message]).sort();
    expect(refused).toEqual(
      [
        ['credentialUserRegistrationsSummaries', 'FORBIDDEN', 'Microsoft Graph does not serve `credentialUserRegistrationsSummaries` to applications, so GRAPH_AUTH=app cannot read it; it works with GRAPH_AUTH=obo (delegated Reports.Read.All, on behalf of the caller)'],
        ['userRegistrationActivity', 'FORBIDDEN', 'Microsoft Graph does not serve `userRegistrationActivity` to applications, so GRAPH_AUTH=app cannot read it; it works with GRAPH_AUTH=obo (delegated AuditLog.Read.All, on behalf of the caller)'],
        ['usersRegisteredByFeature', 'FORBIDDEN', 'Microsoft Graph does not serve `usersRegisteredByFeature` to applications, so GRAPH_AUTH=app cannot read it; it works with GRAPH_AUTH=obo (delegated AuditLog.Read.All, on behalf of the caller)'],
        ['usersRegisteredByMethod', 'FORBIDDEN', 'Microsoft Graph does not serve `usersRegisteredByMethod` to applications, so GRAPH_AUTH=app cannot read it; it works with GRAPH_AUTH=obo (delegated AuditLog.Read.All, on behalf of the caller)'],
      ].sort(),
    );
    expect(res.body.data).toMatchObject({
      usersRegisteredByMethod: null,
      usersRegisteredByFeature: null,
      userRegistrationActivity: null,
      credentialUserRegistrationsSummaries: null,
      userRegistrationDetails: { nodes: [expect.anything(), expect.anything()] },
      userEventsSummary: { nodes: expect.any(Array) },
    });
    // Only the two reports applications may read reached upstream.
    const paths = gw.emulator.log.counted().map((r) => r.path).sort();
    expect(paths).toEqual(['/reports/authenticationMethods/userEventsSummary', '/reports/authenticationMethods/userRegistrationDetails']);
  });
});
