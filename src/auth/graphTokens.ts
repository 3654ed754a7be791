import { AuthenticationError, ClientCertificateCredential, ClientSecretCredential, CredentialUnavailableError, DefaultAzureCredential, OnBehalfOfCredential, type TokenCredential } from '@azure/identity';
import { LRUCache } from 'lru-cache';
import { type TokenProviderOptions, type TokenProviderSettings, validateTokenProviderOptions } from '../config';
import { SingleFlight } from '../graph/cache';
import { type Caller, CallerAuthError, CallerForbiddenError } from './callers';

/**
 * No Graph token could be had from Entra (or the configured credential chain). The message names the
 * credential, the scope and Entra's OAuth error code at most; Entra's description, the response body,
 * secrets and tokens stay out of it. The original error is kept as `cause` for the server log only.
 */
export class UpstreamAuthError extends Error {
  constructor(
    /**
     * `refused`: the authority refused the request (bad secret, consent missing, assertion rejected);
     * `unavailable`: no credential applies, the authority cannot be reached, or it failed for now.
     */
    readonly reason: 'unavailable' | 'refused',
    message: string,
    /** Entra's OAuth `error` code (`invalid_client`, `invalid_grant`, …) when it sent one. */
    readonly oauthError?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UpstreamAuthError';
  }
}

export interface TokenProvider {
  /**
   * The bearer token to send to Graph for this caller, or null in `none` mode. Rejects with
   * UpstreamAuthError when Entra gives none, and in `obo` mode with CallerAuthError (anonymous or
   * expired caller) or CallerForbiddenError (app-only caller). Concurrent calls share one request.
   */
  getToken(caller: Caller): Promise<string | null>;
  /**
   * Whose data an upstream answer is: the partition for response caches and single-flight. In `obo` mode
   * it refuses the callers getToken would refuse (same errors), so the context refuses them before any call.
   * `none` and `app`: one identity for every caller. `obo`: `obo:<sha256 of the caller's token>`,
   * so no two tokens ever share an answer, not even one user's renewed token: that costs a cold
   * cache once an hour and rules out serving data granted to an older token.
   */
  principalOf(caller: Caller): string;
  /** Resolves when the configuration can work: `app` obtains a token once; `none` and `obo` check settings only. */
  ready(): Promise<void>;
}

/** OAuth 2.0 / OpenID error codes by which the authority refuses a request it understood. */
const REFUSALS: ReadonlySet<string> = new Set([
  'invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type',
  'invalid_scope', 'invalid_resource', 'access_denied', 'interaction_required', 'consent_required', 'login_required',
]);
/** The authority's transient failures: it may answer next time. */
const TRANSIENT: ReadonlySet<string> = new Set(['temporarily_unavailable', 'server_error']);

/** Asks a credential for a token and turns every failure into UpstreamAuthError without secrets or response text. */
export async function requestGraphToken(credential: TokenCredential, scope: string, credentialName: string): Promise<string> {
  const failed = `could not obtain a token for ${scope} with ${credentialName}`;
  let accessToken: Awaited<ReturnType<TokenCredential['getToken']>>;
  try {
    accessToken = await credential.getToken(scope);
  } catch (error) {
    if (error instanceof CredentialUnavailableError) {
      throw new UpstreamAuthError('unavailable', `${failed}: the authority or credential is unavailable`, undefined, { cause: error });
    }
    const code = errorCodeOf(error);
    if (code !== undefined && (REFUSALS.has(code) || TRANSIENT.has(code))) {
      const reason = REFUSALS.has(code) ? 'refused' : 'unavailable';
      throw new UpstreamAuthError(reason, `${failed}: the authority answered ${code}`, code, { cause: error });
    }
    throw new UpstreamAuthError('unavailable', `${failed}: the token request failed`, undefined, { cause: error });
  }
  if (accessToken === null) throw new UpstreamAuthError('refused', `${failed}: it returned no token`);
  return accessToken.token;
}

/**
 * The OAuth error code only, never the description after it. AuthenticationError carries it as a field;
 * MSAL's server errors reach us as AuthenticationRequiredError whose message starts with `<code>:`.
 */
function errorCodeOf(error: unknown): string | undefined {
  const code = error instanceof AuthenticationError ? error.errorResponse?.error : /^([a-z_]{1,64}):/.exec((error as Error | undefined)?.message ?? '')?.[1];
  return typeof code === 'string' ? code : undefined;
}

/**
 * The app-only credential: the one the AZURE_* settings name (secret, then certificate), otherwise
 * DefaultAzureCredential's chain (workload identity, managed identity, developer sign-ins).
 */
export function createAppCredential(settings: TokenProviderSettings): { credential: TokenCredential; name: string } {
  const common = {
    authorityHost: settings.authorityHost,
    disableInstanceDiscovery: settings.disableInstanceDiscovery,
    ...(settings.httpsAgent === undefined ? {} : { agent: settings.httpsAgent }),
  };
  const { tenantId, clientId } = settings;
  if (tenantId !== undefined && clientId !== undefined && settings.clientSecret !== undefined) {
    return { credential: new ClientSecretCredential(tenantId, clientId, settings.clientSecret, common), name: 'ClientSecretCredential' };
  }
  if (tenantId !== undefined && clientId !== undefined && settings.clientCertificatePath !== undefined) {
    const credential = new ClientCertificateCredential(tenantId, clientId, { certificatePath: settings.clientCertificatePath }, common);
    return { credential, name: 'ClientCertificateCredential' };
  }
  const credential = new DefaultAzureCredential({
    ...common,
    ...(tenantId === undefined ? {} : { tenantId }),
    ...(clientId === undefined ? {} : { managedIdentityClientId: clientId }),
  });
  return { credential, name: 'DefaultAzureCredential' };
}

/**
 * On-behalf-of tokens: one OnBehalfOfCredential per caller token, kept in a bounded LRU keyed by the
 * token's sha256 until that token expires. The credential's own cache then serves every later query
 * of the same caller without a token-endpoint call, and renews the Graph token when it runs out.
 */
export function createOboTokenProvider(settings: TokenProviderSettings): TokenProvider {
  const { tenantId, clientId, clientSecret, clientCertificatePath } = settings;
  if (tenantId === undefined || clientId === undefined) throw new Error('validateTokenProviderOptions lets no obo settings without tenant and client through');
  // The constructor's typings omit disableInstanceDiscovery, which it passes on to MSAL all the same.
  const common = {
    tenantId,
    clientId,
    authorityHost: settings.authorityHost,
    disableInstanceDiscovery: settings.disableInstanceDiscovery,
    ...(settings.httpsAgent === undefined ? {} : { agent: settings.httpsAgent }),
  };
  const credentials = new LRUCache<string, () => Promise<string>>({ max: settings.oboCacheSize });
  const userCallerOf = (caller: Parameters<TokenProvider['getToken']>[0]) => {
    if (caller.kind === 'anonymous') {
      throw new CallerAuthError('missing', "GRAPH_AUTH=obo exchanges the caller's bearer token, but the request has none");
    }
    if (caller.kind === 'app') {
      throw new CallerForbiddenError('user_required', 'GRAPH_AUTH=obo acts on behalf of users, but the caller holds an app-only token');
    }
    // The caller check allows a clock tolerance past `exp`; Entra allows none for the exchange.
    if (caller.expiresAt <= Date.now()) {
      throw new CallerAuthError('expired', "the caller's token has expired, so it cannot be exchanged on behalf of the caller");
    }
    return caller;
  };
  return {
    async getToken(caller) {
      const user = userCallerOf(caller);
      const ttl = Math.max(1, user.expiresAt - Date.now());
      let getGraphToken = credentials.get(user.tokenHash);
      if (getGraphToken === undefined) {
        const userAssertionToken = user.token;
        const credential =
          clientSecret !== undefined
            ? new OnBehalfOfCredential({ ...common, clientSecret, userAssertionToken })
            : new OnBehalfOfCredential({ ...common, certificatePath: clientCertificatePath ?? '', userAssertionToken });
        const flights = new SingleFlight<string>();
        getGraphToken = () => flights.run('token', () => requestGraphToken(credential, settings.scope, 'OnBehalfOfCredential'));
        credentials.set(user.tokenHash, getGraphToken, { ttl });
      }
      return getGraphToken();
    },
    principalOf: (caller) => `obo:${userCallerOf(caller).tokenHash}`,
    ready: async () => undefined,
  };
}

/**
 * How the gateway authenticates to Graph (`GRAPH_AUTH`). Invalid options throw AuthConfigError here,
 * at start-up; no credential makes a network call before the first getToken (or ready).
 */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const settings = validateTokenProviderOptions(options);
  switch (settings.mode) {
    case 'none':
      return { getToken: async () => null, principalOf: () => 'none', ready: async () => undefined };
    case 'app': {
      const { credential, name } = createAppCredential(settings);
      // @azure/identity caches the token and renews it before it expires; this only joins concurrent first calls.
      const flights = new SingleFlight<string>();
      const getGraphToken = () => flights.run('token', () => requestGraphToken(credential, settings.scope, name));
      return {
        getToken: () => getGraphToken(),
        principalOf: () => 'app',
        ready: async () => {
          await getGraphToken();
        },
      };
    }
    case 'obo':
      return createOboTokenProvider(settings);
  }
}
