import { randomUUID } from 'node:crypto';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { exportJWK, importX509, type JSONWebKeySet, type JWTPayload } from 'jose';
import { answerTokenRequest, type TokenEndpointState } from './answerTokenRequest';
import { createSigningKey } from './createSigningKey';
import { makeClientCertificate } from './makeClientCertificate';
import { makeLoopbackCertificate } from './makeLoopbackCertificate';
import type { OidcCallCounts } from './OidcCallCounts';
import type { OidcProvider } from './OidcProvider';
import { signTestToken } from './signTestToken';

/** Starts a local Entra-like OpenID provider over HTTPS on 127.0.0.1, port 0, for one tenant and one client. */
export async function startOidcProvider(): Promise<OidcProvider> {
  const [tls, clientCertificate, published, next, stranger] = await Promise.all([
    makeLoopbackCertificate(),
    makeClientCertificate('graph-reports-gateway'),
    createSigningKey(`kid-${randomUUID()}`),
    createSigningKey(`kid-${randomUUID()}`),
    createSigningKey(`kid-${randomUUID()}`),
  ]);
  // Entra publishes more than one key at a time (rollover); `stranger` is never published.
  const jwks: JSONWebKeySet = {
    keys: await Promise.all(
      [published, next].map(async (k) => ({ ...(await exportJWK(k.publicKey)), kid: k.kid, use: 'sig' })),
    ),
  };
  const counts = { metadata: 0, jwks: 0, clientCredentials: 0, onBehalfOf: 0, tokenRefused: 0, unknownPath: 0 };
  const tenantId = randomUUID();
  const clientId = randomUUID();
  const server = createServer({ key: tls.key, cert: tls.cert });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const authorityHost = `https://localhost:${(server.address() as AddressInfo).port}`;
  const issuer = `${authorityHost}/${tenantId}/v2.0`;
  const state: TokenEndpointState = {
    tenantId, issuer, clientId, clientSecret: `secret-${randomUUID()}`, signingKey: published, jwks,
    certificateKey: await importX509(clientCertificate.cert, 'RS256'),
    tokenEndpoint: `${authorityHost}/${tenantId}/oauth2/v2.0/token`,
  };
  const routes = endpoints(authorityHost, tenantId, issuer);
  server.on('request', (req, res) => {
    const send = (status: number, body: object): void => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? '/', authorityHost).pathname;
    if (req.method === 'GET' && path === routes.metadataPath) {
      counts.metadata += 1;
      return send(200, routes.metadata);
    }
    if (req.method === 'GET' && path === routes.jwksPath) {
      counts.jwks += 1;
      return send(200, jwks);
    }
    if (req.method === 'POST' && path === routes.tokenPath) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        answerTokenRequest(new URLSearchParams(Buffer.concat(chunks).toString('utf8')), state).then((answer) => {
          counts[answer.grant === 'refused' ? 'tokenRefused' : answer.grant] += 1;
          send(answer.status, answer.body);
        }, () => send(500, { error: 'server_error' }));
      });
      return undefined;
    }
    counts.unknownPath += 1;
    return send(400, { error: 'invalid_tenant', error_description: 'AADSTS90002: Tenant not found.' });
  });
  const httpsAgent = new Agent({ ca: tls.cert, keepAlive: true });
  return {
    authorityHost, tenantId, issuer, clientId, clientSecret: state.clientSecret,
    apiAudience: `api://${clientId}`,
    clientCertificatePem: `${clientCertificate.key}\n${clientCertificate.cert}`,
    caPem: tls.cert,
    httpsAgent,
    publishedKid: published.kid,
    publicKeyPem: published.publicKeyPem,
    callerClaims: (overrides: JWTPayload = {}) => mergeClaims(validClaims(issuer, tenantId, clientId), overrides),
    signCallerToken: (claims, options = {}) => signTestToken(claims, options, { published, next, stranger }),
    counts: (): OidcCallCounts => ({ ...counts }),
    close: () => closeServer(server, httpsAgent),
  };
}

function endpoints(authorityHost: string, tenantId: string, issuer: string) {
  const base = `${authorityHost}/${tenantId}`;
  const metadata = {
    issuer,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    tenant_region_scope: 'WW',
    cloud_instance_name: 'localhost',
  };
  return {
    metadata,
    metadataPath: `/${tenantId}/v2.0/.well-known/openid-configuration`,
    jwksPath: `/${tenantId}/discovery/v2.0/keys`,
    tokenPath: `/${tenantId}/oauth2/v2.0/token`,
  };
}

function validClaims(issuer: string, tenantId: string, clientId: string): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuer, aud: `api://${clientId}`, tid: tenantId, oid: randomUUID(), sub: randomUUID(),
    azp: randomUUID(), scp: 'Reports.Read', ver: '2.0', iat: now, nbf: now, exp: now + 3600,
  };
}

/** An override whose value is `undefined` removes that claim (how tests make a token without `exp`). */
function mergeClaims(base: JWTPayload, overrides: JWTPayload): JWTPayload {
  const merged: Record<string, unknown> = { ...base, ...overrides };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  return merged;
}

async function closeServer(server: Server, agent: Agent): Promise<void> {
  agent.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
}
