import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import type { Caller } from '../../src/auth/callers';
import { CallerAuthError } from '../../src/auth/callers';
import { CallerForbiddenError } from '../../src/auth/callers';
import { createTokenProvider } from '../../src/auth/graphTokens';
import { hashToken } from '../../src/auth/callers';
import { UpstreamAuthError } from '../../src/auth/graphTokens';
import { callerFromProvider } from '../support/oidc/callerFromProvider';
import type { OidcProvider } from '../support/oidc/OidcProvider';
import { startOidcProvider } from '../support/oidc/startOidcProvider';

let provider: OidcProvider;
beforeAll(async () => {
  provider = await startOidcProvider();
});
afterAll(() => provider.close());

const obo = (oboCacheSize?: number) =>
  createTokenProvider({
    mode: 'obo',
    graphRoot: 'https://graph.microsoft.com',
    tenantId: provider.tenantId,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    authorityHost: provider.authorityHost,
    httpsAgent: provider.httpsAgent,
    ...(oboCacheSize === undefined ? {} : { oboCacheSize }),
  });
/** On-behalf-of token-endpoint calls (answered and refused) made while `run` ran. */
const oboCalls = async (run: () => Promise<unknown>): Promise<{ onBehalfOf: number; refused: number; clientCredentials: number }> => {
  const before = provider.counts();
  await run();
  const after = provider.counts();
  return { onBehalfOf: after.onBehalfOf - before.onBehalfOf, refused: after.tokenRefused - before.tokenRefused, clientCredentials: after.clientCredentials - before.clientCredentials };
};
const rejection = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);

describe('obo mode with the real OnBehalfOfCredential', () => {
  it("exchanges one caller's token once for 100 sequential queries, for a Graph token carrying the caller's oid", async () => {
    const graph = obo();
    const caller = await callerFromProvider(provider);
    const tokens = new Set<string | null>();
    const calls = await oboCalls(async () => {
      for (let i = 0; i < 100; i += 1) tokens.add(await graph.getToken(caller));
    });
    expect(calls).toEqual({ onBehalfOf: 1, refused: 0, clientCredentials: 0 });
    expect(tokens.size).toBe(1);
    const [token] = [...tokens];
    expect(decodeJwt(token ?? '')).toMatchObject({ aud: 'https://graph.microsoft.com', oid: caller.kind === 'user' ? caller.subject : '', idtyp: 'user' });
  });

  it('exchanges once for 100 concurrent queries of a new caller', async () => {
    const graph = obo();
    const caller = await callerFromProvider(provider);
    const calls = await oboCalls(() => Promise.all(Array.from({ length: 100 }, () => graph.getToken(caller))));
    expect(calls.onBehalfOf).toBe(1);
  });

  it('exchanges once per caller token: two callers cost two calls, and get different tokens and principals', async () => {
    const graph = obo();
    const [a, b] = await Promise.all([callerFromProvider(provider), callerFromProvider(provider)]);
    let tokens: Array<string | null> = [];
    const calls = await oboCalls(async () => {
      for (let i = 0; i < 50; i += 1) tokens = await Promise.all([graph.getToken(a), graph.getToken(b)]);
    });
    expect(calls.onBehalfOf).toBe(2);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(graph.principalOf(a)).toBe(`obo:${hashToken(a.kind === 'user' ? a.token : '')}`);
    expect(graph.principalOf(a)).not.toBe(graph.principalOf(b));
  });

  it('keeps at most oboCacheSize credentials, evicting the least recently used caller', async () => {
    const graph = obo(2);
    const [a, b, c] = await Promise.all([callerFromProvider(provider), callerFromProvider(provider), callerFromProvider(provider)]);
    const step = (caller: Caller) => oboCalls(() => graph.getToken(caller)).then((n) => n.onBehalfOf);
    // a, b, c fill and overflow the cache (a leaves); c is cached; a comes back (b leaves); c is still cached; b comes back.
    const sequence = [await step(a), await step(b), await step(c), await step(c), await step(a), await step(c), await step(b)];
    expect(sequence).toEqual([1, 1, 1, 0, 1, 0, 1]);
  });

  it('refuses an anonymous caller as missing and an app-only caller as forbidden, without a token-endpoint call', async () => {
    const graph = obo();
    const app = await callerFromProvider(provider, { scp: undefined, roles: ['Reports.Read.All'] });
    let anonymous: unknown;
    let appOnly: unknown;
    const calls = await oboCalls(async () => {
      anonymous = await rejection(graph.getToken({ kind: 'anonymous' }));
      appOnly = await rejection(graph.getToken(app));
    });
    expect(calls).toEqual({ onBehalfOf: 0, refused: 0, clientCredentials: 0 });
    expect(anonymous).toBeInstanceOf(CallerAuthError);
    expect(anonymous).toMatchObject({ reason: 'missing' });
    expect(appOnly).toBeInstanceOf(CallerForbiddenError);
    expect(appOnly).toMatchObject({ reason: 'user_required' });
    expect(() => graph.principalOf({ kind: 'anonymous' })).toThrow(CallerAuthError);
  });

  it("refuses a caller whose token has expired, at least until its exp, without a token-endpoint call", async () => {
    const graph = obo();
    const authenticated = await callerFromProvider(provider);
    if (authenticated.kind !== 'user') throw new Error('expected a user caller');
    // The same caller, told to expire in 250 ms (its token itself lives on: the provider's own rule is under test).
    const caller: Caller = { ...authenticated, expiresAt: Date.now() + 250 };
    expect((await oboCalls(() => graph.getToken(caller))).onBehalfOf).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, caller.expiresAt - Date.now() + 20));
    let error: unknown;
    expect(await oboCalls(async () => { error = await rejection(graph.getToken(caller)); })).toEqual({ onBehalfOf: 0, refused: 0, clientCredentials: 0 });
    expect(error).toMatchObject({ name: 'CallerAuthError', reason: 'expired' });
  });

  it('reports an assertion the authority rejects as UpstreamAuthError invalid_grant, without the assertion in the message', async () => {
    const graph = obo();
    const token = await provider.signCallerToken(provider.callerClaims(), { key: 'stranger', kid: provider.publishedKid });
    const forged: Caller = {
      kind: 'user', subject: 'forged', tenantId: provider.tenantId, token, tokenHash: hashToken(token),
      roles: [], scopes: ['Reports.Read'], expiresAt: Date.now() + 3_600_000,
    };
    let error: unknown;
    expect(await oboCalls(async () => { error = await rejection(graph.getToken(forged)); })).toEqual({ onBehalfOf: 0, refused: 1, clientCredentials: 0 });
    expect(error).toBeInstanceOf(UpstreamAuthError);
    expect(error).toMatchObject({ reason: 'refused', oauthError: 'invalid_grant' });
    expect((error as Error).message).toBe('could not obtain a token for https://graph.microsoft.com/.default with OnBehalfOfCredential: the authority answered invalid_grant');
  });

  it('exchanges with a certificate file instead of a secret', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'client-cert-'));
    try {
      const clientCertificatePath = join(dir, 'client.pem');
      await writeFile(clientCertificatePath, provider.clientCertificatePem);
      const graph = createTokenProvider({
        mode: 'obo', graphRoot: 'https://graph.microsoft.com', tenantId: provider.tenantId, clientId: provider.clientId,
        clientCertificatePath, authorityHost: provider.authorityHost, httpsAgent: provider.httpsAgent,
      });
      const caller = await callerFromProvider(provider);
      expect(await oboCalls(() => Promise.all([1, 2, 3].map(() => graph.getToken(caller))))).toEqual({ onBehalfOf: 1, refused: 0, clientCredentials: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('checks only its settings in ready(), without a token-endpoint call', async () => {
    expect(await oboCalls(() => obo().ready())).toEqual({ onBehalfOf: 0, refused: 0, clientCredentials: 0 });
  });
});
