import { startOidcProvider } from '../support/oidc/startOidcProvider';
import type { OidcProvider } from '../support/oidc/OidcProvider';
import { startGateway, type TestGateway } from '../support/startGateway';

const QUERY = '{ credentialUserRegistrationDetails(first: 2) { nodes { id } } }';

describe('caller authentication and on-behalf-of tokens, through the running gateway', () => {
  let idp: OidcProvider;
  let gw: TestGateway;
  beforeAll(async () => {
    idp = await startOidcProvider();
    gw = await startGateway({
      emulator: { users: 10 },
      httpsAgent: idp.httpsAgent,
      env: {
        GATEWAY_AUTH: 'entra',
        GRAPH_AUTH: 'obo',
        AZURE_TENANT_ID: idp.tenantId,
        AZURE_CLIENT_ID: idp.clientId,
        AZURE_CLIENT_SECRET: idp.clientSecret,
        AZURE_AUTHORITY_HOST: idp.authorityHost,
        GATEWAY_AUDIENCE: idp.apiAudience,
      },
    });
  });
  afterAll(async () => {
    await gw.stop();
    await idp.close();
  });
  beforeEach(() => {
    gw.emulator.log.clear();
    gw.emulator.setFaults([]);
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('answers 401 with a Bearer challenge and UNAUTHENTICATED, before any token or upstream call, for each bad token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const before = idp.counts();
    const tokens: (string | undefined)[] = [
      undefined,
      'not-a-jwt',
      await idp.signCallerToken(idp.callerClaims({ exp: now - 600, iat: now - 4000, nbf: now - 4000 })),
      await idp.signCallerToken(idp.callerClaims({ aud: 'https://graph.microsoft.com' })),
      await idp.signCallerToken(idp.callerClaims({ iss: 'https://login.microsoftonline.com/other/v2.0' })),
      await idp.signCallerToken(idp.callerClaims(), { alg: 'none' }),
      await idp.signCallerToken(idp.callerClaims(), { key: 'stranger' }),
    ];
    for (const token of tokens) {
      const res = await gw.query(QUERY, undefined, token === undefined ? {} : bearer(token));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.data).toBeUndefined();
    }
    expect(gw.emulator.log.all()).toHaveLength(0);
    expect(idp.counts().onBehalfOf).toBe(before.onBehalfOf);
  });

  it('answers a GET without a token with 401 and the challenge, with or without a query string (never a masked 500)', async () => {
    for (const url of [gw.url, `${gw.url}?query=${encodeURIComponent(QUERY)}`]) {
      const res = await fetch(url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
      const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(body.errors?.[0]?.message).toBe('A valid bearer token for this gateway is required');
      expect(body.data).toBeUndefined();
    }
    expect(gw.emulator.log.all()).toHaveLength(0);
  });

  it('answers an app-only caller 403 FORBIDDEN in obo mode (it has no user to act for), before any token or upstream call', async () => {
    const before = idp.counts();
    const appOnly = await idp.signCallerToken(idp.callerClaims({ scp: undefined, idtyp: 'app', roles: ['Reports.Read.All'] }));
    const res = await gw.query(QUERY, undefined, bearer(appOnly));
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(res.body.errors?.[0]?.message).toBe('GRAPH_AUTH=obo acts on behalf of users, but the caller holds an app-only token');
    expect(gw.emulator.log.all()).toHaveLength(0);
    expect(idp.counts().onBehalfOf).toBe(before.onBehalfOf);
  });

  it('answers a token past exp but inside the clock tolerance 401 UNAUTHENTICATED (expired), not a masked error, in obo mode', async () => {
    const now = Math.floor(Date.now() / 1000);
    const before = idp.counts();
    const justExpired = await idp.signCallerToken(idp.callerClaims({ exp: now - 20, iat: now - 3600, nbf: now - 3600 }));
    const res = await gw.query(QUERY, undefined, bearer(justExpired));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="expired"');
    expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(gw.emulator.log.all()).toHaveLength(0);
    expect(idp.counts().onBehalfOf).toBe(before.onBehalfOf);
  });

  it("reuses one upstream token for a caller's 20 operations", async () => {
    const token = await idp.signCallerToken(idp.callerClaims({ oid: 'user-reuse' }));
    const before = idp.counts().onBehalfOf;
    for (let i = 0; i < 20; i++) {
      const res = await gw.query(`{ credentialUserRegistrationDetails(first: ${1 + (i % 5)}) { nodes { id } } }`, undefined, bearer(token));
      expect(res.body.errors).toBeUndefined();
    }
    expect(idp.counts().onBehalfOf - before).toBe(1);
    const upstreamTokens = new Set(gw.emulator.log.counted().map((r) => r.headers.authorization));
    expect(upstreamTokens.size).toBe(1);
    expect([...upstreamTokens][0]).not.toContain(token);
  });

  it("never serves user B what was cached for user A, and B's upstream 403 is not masked by A's cache", async () => {
    const alice = await idp.signCallerToken(idp.callerClaims({ oid: 'alice' }));
    const bob = await idp.signCallerToken(idp.callerClaims({ oid: 'bob' }));
    expect((await gw.query(QUERY, undefined, bearer(alice))).body.errors).toBeUndefined();
    expect(gw.emulator.log.counted()).toHaveLength(1);
    expect((await gw.query(QUERY, undefined, bearer(bob))).body.errors).toBeUndefined();
    const calls = gw.emulator.log.counted();
    expect(calls).toHaveLength(2);
    expect(calls[0]!.headers.authorization).not.toBe(calls[1]!.headers.authorization);

    const bobUpstream = calls[1]!.headers.authorization!;
    const other = '{ userCredentialUsageDetails(first: 3) { nodes { id } } }';
    expect((await gw.query(other, undefined, bearer(alice))).body.errors).toBeUndefined();
    gw.emulator.setFaults([{ status: 403, code: 'Authorization_RequestDenied', match: { authorizationIncludes: bobUpstream.slice(7) } }]);
    const denied = await gw.query(other, undefined, bearer(bob));
    expect(denied.body.data?.userCredentialUsageDetails).toBeNull();
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gw.query(other, undefined, bearer(alice))).body.errors).toBeUndefined();
  });

  it('logs each operation with its request id, operation name and Graph request ids, and never a token', async () => {
    const token = await idp.signCallerToken(idp.callerClaims({ oid: 'logged' }));
    gw.logs.length = 0;
    const res = await gw.query('query Named { credentialUserRegistrationsSummaries(first: 1) { nodes { organizationId } } }', undefined, bearer(token));
    expect(res.body.errors).toBeUndefined();
    const line = gw.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'operation' && l.operationName === 'Named');
    expect(line).toMatchObject({ requestId: res.headers.get('x-request-id'), upstream: { innerRequests: 1 } });
    expect(line.upstream.calls[0]).toMatchObject({ status: 200, requestId: expect.any(String), clientRequestId: expect.any(String) });
    const upstreamToken = gw.emulator.log.counted()[0]!.headers.authorization!.slice(7);
    expect(gw.logs.join('\n')).not.toContain(token);
    expect(gw.logs.join('\n')).not.toContain(upstreamToken);
  });
});

describe('required roles', () => {
  it('answers 403 FORBIDDEN to a valid caller without a required role or scope', async () => {
    const idp = await startOidcProvider();
    const gw = await startGateway({
      emulator: { users: 3 },
      httpsAgent: idp.httpsAgent,
      env: {
        GATEWAY_AUTH: 'entra',
        AZURE_TENANT_ID: idp.tenantId,
        AZURE_AUTHORITY_HOST: idp.authorityHost,
        GATEWAY_AUDIENCE: idp.apiAudience,
        GATEWAY_REQUIRED_ROLES: 'Reports.Admin',
      },
    });
    try {
      const plain = await idp.signCallerToken(idp.callerClaims());
      const res = await gw.query(QUERY, undefined, { authorization: `Bearer ${plain}` });
      expect(res.status).toBe(403);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const admin = await idp.signCallerToken(idp.callerClaims({ scp: 'Reports.Read Reports.Admin' }));
      const ok = await gw.query(QUERY, undefined, { authorization: `Bearer ${admin}` });
      expect(ok.body.errors).toBeUndefined();
      expect(gw.emulator.log.counted()).toHaveLength(1);
    } finally {
      await gw.stop();
      await idp.close();
    }
  });
});

describe('x-gateway-stats in production', () => {
  it('answers the upstream counts only to callers holding a GATEWAY_STATS_ROLES role or scope', async () => {
    const idp = await startOidcProvider();
    const gw = await startGateway({
      emulator: { users: 3 },
      httpsAgent: idp.httpsAgent,
      env: {
        NODE_ENV: 'production',
        GRAPH_AUTH: 'none',
        GATEWAY_AUTH: 'entra',
        AZURE_TENANT_ID: idp.tenantId,
        AZURE_AUTHORITY_HOST: idp.authorityHost,
        GATEWAY_AUDIENCE: idp.apiAudience,
        GATEWAY_STATS_ROLES: 'Gateway.Diagnostics',
      },
    });
    try {
      const stats = { 'x-gateway-stats': 'true' };
      const asks = async (claims: Record<string, unknown>) => {
        const token = await idp.signCallerToken(idp.callerClaims(claims));
        const res = await gw.query(QUERY, undefined, { ...stats, authorization: `Bearer ${token}` });
        expect(res.body.errors).toBeUndefined();
        return res.body.extensions?.upstream;
      };
      expect(await asks({})).toBeUndefined();
      expect(await asks({ roles: ['Reports.Read.All'] })).toBeUndefined();
      expect(await asks({ roles: ['Gateway.Diagnostics'] })).toMatchObject({ innerRequests: expect.any(Number) });
      expect(await asks({ scp: 'Reports.Read Gateway.Diagnostics' })).toMatchObject({ innerRequests: expect.any(Number) });
    } finally {
      await gw.stop();
      await idp.close();
    }
  });
});
