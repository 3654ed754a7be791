import { randomUUID } from 'node:crypto';
import { entraFixture } from './support/entraFixture';

const fixture = entraFixture();
const { now, entra, refusal } = fixture;

describe('the JWT matrix: each broken token is refused with its reason and no token-endpoint call', () => {
  const otherTenant = randomUUID();
  const cases: Array<[string, () => Promise<string | undefined>, string]> = [
    ['an expired token', () => sign({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }), 'expired'],
    ['a token that is not valid yet', () => sign({ nbf: now() + 3600, exp: now() + 7200 }), 'not_yet_valid'],
    ['a token issued a day in the future', () => sign({ iat: now() + 86_400, nbf: now() - 60, exp: now() + 90_000 }), 'not_yet_valid'],
    ['a token issued just beyond the clock tolerance', () => sign({ iat: now() + 90, exp: now() + 3600 }), 'not_yet_valid'],
    ["a token for Microsoft Graph's audience", () => sign({ aud: 'https://graph.microsoft.com' }), 'audience'],
    ["a token for Graph's application id", () => sign({ aud: '00000003-0000-0000-c000-000000000000' }), 'audience'],
    ["a token for the gateway and Graph at once", () => sign({ aud: [fixture.provider.apiAudience, 'https://graph.microsoft.com/'] }), 'audience'],
    ['a token for another app', () => sign({ aud: `api://${randomUUID()}` }), 'audience'],
    ["a token from another tenant's issuer", () => sign({ iss: `${fixture.provider.authorityHost}/${otherTenant}/v2.0`, tid: otherTenant }), 'issuer'],
    ['a v1 issuer on an authority that is not the public cloud', () => sign({ iss: `https://sts.windows.net/${fixture.provider.tenantId}/` }), 'issuer'],
    ["a token whose tid is not its issuer's tenant", () => sign({ tid: otherTenant }), 'tenant'],
    ['an unsigned token (alg none)', () => fixture.provider.signCallerToken(fixture.provider.callerClaims(), { alg: 'none' }), 'algorithm'],
    ['an HS256 token keyed with the public key', () => fixture.provider.signCallerToken(fixture.provider.callerClaims(), { alg: 'HS256', secret: new TextEncoder().encode(fixture.provider.publicKeyPem) }), 'algorithm'],
    ['a token whose kid is not published', () => fixture.provider.signCallerToken(fixture.provider.callerClaims(), { key: 'stranger' }), 'key'],
    ['a token signed by a stranger under a published kid', () => fixture.provider.signCallerToken(fixture.provider.callerClaims(), { key: 'stranger', kid: fixture.provider.publishedKid }), 'signature'],
    ['a token without exp', () => sign({ exp: undefined }), 'claim'],
    ['a token without iat', () => sign({ iat: undefined }), 'claim'],
    ['a token without tid', () => sign({ tid: undefined }), 'claim'],
    ['a token without oid and sub', () => sign({ oid: undefined, sub: undefined }), 'claim'],
    ['an ID token (no azp or appid)', () => sign({ azp: undefined, scp: undefined, aud: fixture.provider.clientId, nonce: 'n' }), 'claim'],
    ['a token whose payload was altered after signing', () => sign({}).then(tamper), 'signature'],
    ['no Authorization header', async () => undefined, 'missing'],
  ];
  const headerCases: Array<[string, string, string]> = [
    ['an empty Authorization header', '   ', 'missing'],
    ['a Basic Authorization header', 'Basic dXNlcjpwYXNz', 'malformed'],
    ['a bare token without the Bearer scheme', 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', 'malformed'],
    ['garbage after Bearer', 'Bearer not-a-jwt', 'malformed'],
    ['three segments that are not JSON', 'Bearer abc.def.ghi', 'malformed'],
    ['a token longer than 16 KiB', `Bearer ${'a'.repeat(16 * 1024)}.b.c`, 'malformed'],
  ];

  it.each(cases)('%s is refused', async (_name, makeToken, reason) => {
    const before = fixture.provider.counts();
    const token = await makeToken();
    const error = await refusal(entra().authenticate(token === undefined ? undefined : `Bearer ${token}`));
    expect(error.reason).toBe(reason);
    if (token !== undefined) {
      expect(error.message).not.toContain(token);
      expect(error.message).not.toContain(token.split('.')[2] || token);
    }
    const after = fixture.provider.counts();
    expect([after.clientCredentials, after.onBehalfOf, after.tokenRefused]).toEqual([before.clientCredentials, before.onBehalfOf, before.tokenRefused]);
  });

  it.each(headerCases)('%s is refused', async (_name, header, reason) => {
    const before = fixture.provider.counts();
    const error = await refusal(entra().authenticate(header));
    expect(error.reason).toBe(reason);
    expect(error.message).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(error.message).not.toContain('dXNlcjpwYXNz');
    // Nothing that fails before verification even reads the metadata.
    expect(fixture.provider.counts()).toEqual(before);
  });

  const sign = (overrides: Record<string, unknown>): Promise<string> => fixture.provider.signCallerToken(fixture.provider.callerClaims(overrides));
});

/** Replaces the payload with one that grants more, keeping the original signature. */
function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['Reports.Read.All'], scp: 'Reports.Read.All' })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}
