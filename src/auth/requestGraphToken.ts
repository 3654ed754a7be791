import { AuthenticationError, CredentialUnavailableError, type TokenCredential } from '@azure/identity';
import { UpstreamAuthError } from './UpstreamAuthError';

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
