import { createLocalJWKSet, jwtVerify, SignJWT, type JSONWebKeySet, type KeyLike } from 'jose';
import { authenticatesClient } from './authenticatesClient';
import type { SigningKey } from './SigningKey';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_LIFETIME_SECONDS = 3600;

export interface TokenEndpointState {
  readonly tenantId: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The public key of the client's registered certificate (for private_key_jwt). */
  readonly certificateKey: KeyLike;
  readonly tokenEndpoint: string;
  readonly signingKey: SigningKey;
  readonly jwks: JSONWebKeySet;
}

export type TokenAnswer =
  | { readonly status: 200; readonly grant: 'clientCredentials' | 'onBehalfOf'; readonly body: object }
  | { readonly status: 400 | 401; readonly grant: 'refused'; readonly body: object };

/**
 * The token endpoint's decision, Entra-style: the client must authenticate (secret or certificate); an
 * on-behalf-of assertion must be a token this provider signed for this client's own API.
 */
export async function answerTokenRequest(form: URLSearchParams, state: TokenEndpointState): Promise<TokenAnswer> {
  if (!(await authenticatesClient(form, state))) {
    return refuse(401, 'invalid_client', 'AADSTS7000215: Invalid client secret or assertion provided.');
  }
  const scope = (form.get('scope') ?? '').split(' ').find((s) => s.endsWith('/.default'));
  if (scope === undefined) return refuse(400, 'invalid_scope', 'AADSTS1002012: a /.default scope is required.');
  const resource = scope.slice(0, -'/.default'.length);
  const grantType = form.get('grant_type');
  if (grantType === 'client_credentials') {
    const accessToken = await issue(state, resource, { oid: `sp-${state.clientId}`, idtyp: 'app', roles: ['Reports.Read.All'] });
    return { status: 200, grant: 'clientCredentials', body: tokenBody(accessToken, scope) };
  }
  if (grantType === JWT_BEARER && form.get('requested_token_use') === 'on_behalf_of') {
    const assertion = await verifyAssertion(form.get('assertion') ?? '', state);
    if (assertion === undefined) return refuse(400, 'invalid_grant', 'AADSTS50013: Assertion failed signature validation.');
    const accessToken = await issue(state, resource, { oid: assertion.oid, idtyp: 'user', scp: 'Reports.Read.All' });
    return { status: 200, grant: 'onBehalfOf', body: tokenBody(accessToken, scope) };
  }
  return refuse(400, 'unsupported_grant_type', 'AADSTS70003: the grant type is not supported.');
}

async function verifyAssertion(assertion: string, state: TokenEndpointState): Promise<{ oid: unknown } | undefined> {
  try {
    const { payload } = await jwtVerify(assertion, createLocalJWKSet(state.jwks), {
      algorithms: ['RS256'],
      issuer: state.issuer,
      audience: [state.clientId, `api://${state.clientId}`],
      requiredClaims: ['exp', 'oid'],
      clockTolerance: 300,
    });
    return { oid: payload['oid'] };
  } catch {
    return undefined;
  }
}

function issue(state: TokenEndpointState, audience: string, claims: Record<string, unknown>): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims, tid: state.tenantId, appid: state.clientId })
    .setProtectedHeader({ alg: 'RS256', kid: state.signingKey.kid, typ: 'JWT' })
    .setIssuer(`https://sts.windows.net/${state.tenantId}/`)
    .setAudience(audience)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
    .sign(state.signingKey.privateKey);
}

function tokenBody(accessToken: string, scope: string): object {
  return {
    token_type: 'Bearer',
    scope,
    expires_in: TOKEN_LIFETIME_SECONDS,
    ext_expires_in: TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
  };
}

function refuse(status: 400 | 401, error: string, description: string): TokenAnswer {
  return { status, grant: 'refused', body: { error, error_description: description, error_codes: [Number(description.slice(5, description.indexOf(':')))] } };
}
