import { createHash, randomUUID } from 'node:crypto';
import { AuthConfigError } from '../../src/config';
import type { Caller } from '../../src/auth/callers';
import { CallerForbiddenError } from '../../src/auth/callers';
import { createCallerAuthenticator } from '../../src/auth/callers';
import { entraFixture } from './support/entraFixture';

const fixture = entraFixture();
const { now, entra, refusal } = fixture;

describe('createCallerAuthenticator in entra mode', () => {
  it('turns a valid user token into a Caller with its subject, tenant, scopes, hash and expiry', async () => {
    const claims = fixture.provider.callerClaims({ scp: 'Reports.Read User.Read' });
    const token = await fixture.provider.signCallerToken(claims);
    const caller = await entra().authenticate(`Bearer ${token}`);
    expect(caller).toEqual({
      kind: 'user',
      subject: claims['oid'],
      tenantId: fixture.provider.tenantId,
      token,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      roles: [],
      scopes: ['Reports.Read', 'User.Read'],
      expiresAt: (claims.exp as number) * 1000,
    });
  });

  it('reads an app-only token (roles, no scp) as kind app, and falls back to sub when there is no oid', async () => {
    // A v1 app-only token names its client in appid rather than azp.
    const token = await fixture.provider.signCallerToken(
      fixture.provider.callerClaims({ scp: undefined, oid: undefined, sub: 'app-sub', roles: ['Reports.Read.All'], azp: undefined, appid: 'client-app' }),
    );
    const caller = await entra().authenticate(`bearer ${token}`);
    expect(caller).toMatchObject({ kind: 'app', subject: 'app-sub', roles: ['Reports.Read.All'], scopes: [] });
  });

  it('accepts either configured audience and a token signed with the second published key (key rollover)', async () => {
    const authenticator = entra();
    const byClientId = await fixture.provider.signCallerToken(fixture.provider.callerClaims({ aud: fixture.provider.clientId }));
    await expect(authenticator.authenticate(`Bearer ${byClientId}`)).resolves.toMatchObject({ kind: 'user' });
    const rolled = await fixture.provider.signCallerToken(fixture.provider.callerClaims(), { key: 'next' });
    await expect(authenticator.authenticate(`Bearer ${rolled}`)).resolves.toMatchObject({ kind: 'user' });
  });

  it('reads the OpenID metadata and the keys once for many tokens', async () => {
    const before = fixture.provider.counts();
    const authenticator = entra();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => fixture.provider.signCallerToken(fixture.provider.callerClaims())));
    await Promise.all(tokens.map((t) => authenticator.authenticate(`Bearer ${t}`)));
    const after = fixture.provider.counts();
    expect([after.metadata - before.metadata, after.jwks - before.jwks]).toEqual([1, 1]);
  });

  it('allows 60 seconds of clock skew by default, and none when the tolerance is 0', async () => {
    const token = await fixture.provider.signCallerToken(fixture.provider.callerClaims({ iat: now() - 3600, nbf: now() - 3600, exp: now() - 30 }));
    await expect(entra().authenticate(`Bearer ${token}`)).resolves.toMatchObject({ kind: 'user' });
    expect((await refusal(entra({ clockToleranceSeconds: 0 }).authenticate(`Bearer ${token}`))).reason).toBe('expired');
  });

  it('accepts an iat up to the clock tolerance in the future (a skewed issuer), and refuses one beyond it', async () => {
    const skewed = await fixture.provider.signCallerToken(fixture.provider.callerClaims({ iat: now() + 30, nbf: now() - 60, exp: now() + 3600 }));
    await expect(entra().authenticate(`Bearer ${skewed}`)).resolves.toMatchObject({ kind: 'user' });
    const refused = await refusal(entra({ clockToleranceSeconds: 10 }).authenticate(`Bearer ${skewed}`));
    expect(refused.reason).toBe('not_yet_valid');
    expect(refused.message).toBe("the token's iat must not lie more than 10 s in the future, but it does");
  });
});

describe('required roles', () => {
  const forbidden = async (promise: Promise<unknown>): Promise<CallerForbiddenError> => {
    const error = await promise.then(() => undefined, (e: unknown) => e);
    if (!(error instanceof CallerForbiddenError)) throw new Error(`expected a CallerForbiddenError, got: ${String(error)}`);
    return error;
  };

  it('let in a caller holding one of them as a delegated scope or as an app role', async () => {
    const authenticator = entra({ requiredRoles: ['Reports.Read.All', 'Gateway.Read'] });
    const user = await fixture.provider.signCallerToken(fixture.provider.callerClaims({ scp: 'User.Read Gateway.Read' }));
    const app = await fixture.provider.signCallerToken(fixture.provider.callerClaims({ scp: undefined, roles: ['Reports.Read.All'] }));
    await expect(authenticator.authenticate(`Bearer ${user}`)).resolves.toMatchObject({ kind: 'user', scopes: ['User.Read', 'Gateway.Read'] });
    await expect(authenticator.authenticate(`Bearer ${app}`)).resolves.toMatchObject({ kind: 'app', roles: ['Reports.Read.All'] });
  });

  it('refuse a valid token holding none of them with 403 reason role, naming what is required and held', async () => {
    const token = await fixture.provider.signCallerToken(fixture.provider.callerClaims({ scp: 'User.Read', roles: ['Other.Role'] }));
    const error = await forbidden(entra({ requiredRoles: ['Gateway.Read'] }).authenticate(`Bearer ${token}`));
    expect(error.reason).toBe('role');
    expect(error.message).toBe('the caller must hold one of the roles or scopes [Gateway.Read], but holds: [Other.Role, User.Read]');
  });

  it('are not a substring match: Gateway.Read.All does not satisfy Gateway.Read', async () => {
    const token = await fixture.provider.signCallerToken(fixture.provider.callerClaims({ scp: 'Gateway.Read.All' }));
    expect((await forbidden(entra({ requiredRoles: ['Gateway.Read'] }).authenticate(`Bearer ${token}`))).reason).toBe('role');
  });
});

describe('createCallerAuthenticator in none mode', () => {
  it('answers anonymous for any header and never reads metadata or keys', async () => {
    const before = fixture.provider.counts();
    const authenticator = createCallerAuthenticator({ mode: 'none', audiences: [], requiredRoles: [], authorityHost: 'https://login.microsoftonline.com' });
    const answers: Caller[] = await Promise.all([undefined, 'Bearer garbage', 'Basic x'].map((h) => authenticator.authenticate(h)));
    expect(answers).toEqual([{ kind: 'anonymous' }, { kind: 'anonymous' }, { kind: 'anonymous' }]);
    expect(fixture.provider.counts()).toEqual(before);
  });
});

describe("when the tenant's keys cannot be had", () => {
  it('refuses with keys_unavailable when the certificate of the authority is not trusted', async () => {
    const token = await fixture.provider.signCallerToken(fixture.provider.callerClaims());
    // Node's own trust store, without the agent that trusts the test CA.
    const authenticator = entra({ httpsAgent: undefined });
    const error = await refusal(authenticator.authenticate(`Bearer ${token}`));
    expect(error.reason).toBe('keys_unavailable');
    expect((error.cause as NodeJS.ErrnoException).code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });

  it('refuses with keys_unavailable while the metadata is missing, and asks again only after a backoff', async () => {
    const stranger = randomUUID();
    const before = fixture.provider.counts();
    const authenticator = entra({ tenantId: stranger });
    const token = await fixture.provider.signCallerToken(fixture.provider.callerClaims());
    for (let i = 0; i < 3; i += 1) expect((await refusal(authenticator.authenticate(`Bearer ${token}`))).reason).toBe('keys_unavailable');
    // The provider answers 400 for an unknown tenant: the failure is served for a second before anyone asks again.
    expect(fixture.provider.counts().unknownPath - before.unknownPath).toBe(1);
  });
});

describe('invalid entra settings', () => {
  it('are all reported at once, at creation', () => {
    const create = () =>
      createCallerAuthenticator({
        mode: 'entra',
        tenantId: 'common',
        audiences: ['https://graph.microsoft.com/'],
        requiredRoles: [],
        authorityHost: 'http://login.example',
        clockToleranceSeconds: 3600,
      });
    expect(create).toThrow(AuthConfigError);
    expect(() => create()).toThrow(
      [
        'invalid identity settings:',
        "- AZURE_TENANT_ID must be a tenant GUID with GATEWAY_AUTH=entra (multi-tenant names such as 'common' are not accepted), but got: 'common'",
        "- AZURE_AUTHORITY_HOST must be an https origin such as https://login.microsoftonline.com, but got: 'http://login.example'",
        "- GATEWAY_AUDIENCE must be this gateway's own app, never Microsoft Graph's, but got: https://graph.microsoft.com/",
        '- the clock tolerance must be a whole number of seconds between 0 and 300, but got: 3600',
      ].join('\n'),
    );
  });

  it('include an empty audience list', () => {
    expect(() => entra({ audiences: [' '] })).toThrow('GATEWAY_AUDIENCE must name at least one audience with GATEWAY_AUTH=entra, but got none');
  });
});
