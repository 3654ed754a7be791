import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { AuthConfigError } from '../../src/config';
import { createTokenProvider } from '../../src/auth/graphTokens';
import type { TokenProviderOptions } from '../../src/config';
import { UpstreamAuthError } from '../../src/auth/graphTokens';
import type { OidcProvider } from '../support/oidc/OidcProvider';
import { startOidcProvider } from '../support/oidc/startOidcProvider';

const GRAPH_ROOT = 'https://graph.microsoft.com';
const execFileAsync = promisify(execFile);
let provider: OidcProvider;
beforeAll(async () => {
  provider = await startOidcProvider();
});
afterAll(() => provider.close());

const tokenProvider = (overrides: Partial<TokenProviderOptions> = {}) =>
  createTokenProvider({
    mode: 'app',
    graphRoot: GRAPH_ROOT,
    tenantId: provider.tenantId,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    authorityHost: provider.authorityHost,
    httpsAgent: provider.httpsAgent,
    ...overrides,
  });
const delta = async (run: () => Promise<unknown>) => {
  const before = provider.counts();
  await run();
  const after = provider.counts();
  return { clientCredentials: after.clientCredentials - before.clientCredentials, onBehalfOf: after.onBehalfOf - before.onBehalfOf, tokenRefused: after.tokenRefused - before.tokenRefused };
};
const rejection = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e);

describe('app mode with the real ClientSecretCredential', () => {
  it('costs one token-endpoint call for 100 sequential getToken calls, and the token is for the Graph root', async () => {
    const graph = tokenProvider();
    const tokens: Array<string | null> = [];
    const calls = await delta(async () => {
      for (let i = 0; i < 100; i += 1) tokens.push(await graph.getToken({ kind: 'anonymous' }));
    });
    expect(calls).toEqual({ clientCredentials: 1, onBehalfOf: 0, tokenRefused: 0 });
    expect(new Set(tokens).size).toBe(1);
    expect(decodeJwt(tokens[0] ?? '')).toMatchObject({ aud: GRAPH_ROOT, tid: provider.tenantId, idtyp: 'app' });
  });

  it('costs one token-endpoint call for 100 concurrent getToken calls', async () => {
    const graph = tokenProvider();
    const calls = await delta(() => Promise.all(Array.from({ length: 100 }, () => graph.getToken({ kind: 'anonymous' }))));
    expect(calls).toEqual({ clientCredentials: 1, onBehalfOf: 0, tokenRefused: 0 });
  });

  it('asks for the scope of a national cloud root, trailing slash or not', async () => {
    const token = await tokenProvider({ graphRoot: 'https://graph.microsoft.us/' }).getToken({ kind: 'anonymous' });
    expect(decodeJwt(token ?? '').aud).toBe('https://graph.microsoft.us');
  });

  it('proves its settings in ready() with one token, which later getToken calls reuse', async () => {
    const graph = tokenProvider();
    expect(await delta(() => graph.ready())).toEqual({ clientCredentials: 1, onBehalfOf: 0, tokenRefused: 0 });
    expect(await delta(() => graph.getToken({ kind: 'anonymous' }))).toEqual({ clientCredentials: 0, onBehalfOf: 0, tokenRefused: 0 });
  });

  it('fails with UpstreamAuthError naming the OAuth error, never the secret or the authority text, and retries next time', async () => {
    const wrongSecret = `wrong-${provider.clientSecret}`;
    const graph = tokenProvider({ clientSecret: wrongSecret });
    let error: unknown;
    const calls = await delta(async () => {
      error = await rejection(graph.ready());
      await rejection(graph.getToken({ kind: 'anonymous' }));
    });
    expect(calls).toEqual({ clientCredentials: 0, onBehalfOf: 0, tokenRefused: 2 });
    expect(error).toBeInstanceOf(UpstreamAuthError);
    expect(error).toMatchObject({ reason: 'refused', oauthError: 'invalid_client' });
    expect((error as Error).message).toBe(`could not obtain a token for ${GRAPH_ROOT}/.default with ClientSecretCredential: the authority answered invalid_client`);
    expect((error as Error).message).not.toMatch(/AADSTS|secret-/);
  });

  it('authenticates with a certificate file instead of a secret (ClientCertificateCredential, private_key_jwt)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'client-cert-'));
    try {
      const clientCertificatePath = join(dir, 'client.pem');
      await writeFile(clientCertificatePath, provider.clientCertificatePem);
      const graph = tokenProvider({ clientSecret: undefined, clientCertificatePath });
      const calls = await delta(async () => {
        for (let i = 0; i < 10; i += 1) await graph.getToken({ kind: 'anonymous' });
      });
      expect(calls).toEqual({ clientCredentials: 1, onBehalfOf: 0, tokenRefused: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('shares one principal, app, among all callers', () => {
    expect(tokenProvider().principalOf({ kind: 'anonymous' })).toBe('app');
  });
});

describe('none mode', () => {
  it('sends no token and needs no settings', async () => {
    const graph = createTokenProvider({ mode: 'none', graphRoot: 'http://127.0.0.1:1', authorityHost: 'https://login.microsoftonline.com' });
    await expect(graph.ready()).resolves.toBeUndefined();
    await expect(graph.getToken({ kind: 'anonymous' })).resolves.toBeNull();
    expect(graph.principalOf({ kind: 'anonymous' })).toBe('none');
  });
});

describe('invalid token-provider settings', () => {
  it('are all reported at once, without echoing a secret', () => {
    const create = () =>
      createTokenProvider({ mode: 'obo', graphRoot: 'not a url', clientSecret: 'top-secret', clientCertificatePath: '/x.pem', authorityHost: 'https://login.example/path', oboCacheSize: 0 });
    expect(create).toThrow(AuthConfigError);
    expect(create).toThrow(
      [
        'invalid identity settings:',
        "- GRAPH_URL must be a URL such as https://graph.microsoft.com, but got: 'not a url'",
        "- AZURE_AUTHORITY_HOST must be an https origin such as https://login.microsoftonline.com, but got: 'https://login.example/path'",
        '- AZURE_TENANT_ID is required with GRAPH_AUTH=obo, but is empty',
        '- AZURE_CLIENT_ID is required with GRAPH_AUTH=obo, but is empty',
        '- AZURE_CLIENT_SECRET and AZURE_CLIENT_CERTIFICATE_PATH must not both be set, but both are',
        '- the on-behalf-of cache size must be a whole number between 1 and 1000000, but got: 0',
      ].join('\n'),
    );
  });

  it('refuse obo without a secret or certificate', () => {
    expect(() => tokenProvider({ mode: 'obo', clientSecret: ' ' })).toThrow(
      'GRAPH_AUTH=obo needs AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, but both are empty',
    );
  });
});

describe("with Node's own trust store, as in production", () => {
  it('a child process trusting the provider through NODE_EXTRA_CA_CERTS alone authenticates a caller and costs one call per mode', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oidc-ca-'));
    const caFile = join(dir, 'ca.pem');
    await writeFile(caFile, provider.caPem);
    const callerToken = await provider.signCallerToken(provider.callerClaims());
    const settings = {
      authorityHost: provider.authorityHost, tenantId: provider.tenantId, clientId: provider.clientId,
      clientSecret: provider.clientSecret, audience: provider.apiAudience, callerToken,
    };
    const before = provider.counts();
    const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', join(__dirname, '../support/oidc/probeWithNodeTrust.ts')], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, NODE_EXTRA_CA_CERTS: caFile, PROBE_SETTINGS: JSON.stringify(settings) },
    }).finally(() => rm(dir, { recursive: true, force: true }));
    const after = provider.counts();
    expect(JSON.parse(stdout)).toEqual({ callerKind: 'user', appTokens: 1, oboTokens: 1 });
    expect([after.clientCredentials - before.clientCredentials, after.onBehalfOf - before.onBehalfOf]).toEqual([1, 1]);
  });
});
