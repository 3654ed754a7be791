import { AuthenticationError, CredentialUnavailableError, type TokenCredential } from '@azure/identity';
import { UpstreamAuthError } from './UpstreamAuthError';

/** OAuth error codes are short snake_case words; anything else from the response is not repeated. */
const OAUTH_ERROR_CODE = /^[a-z_]{1,64}$/;

/** Asks a credential for a token and turns every failure into UpstreamAuthError without secrets or response text. */
export async function requestGraphToken(credential: TokenCredential, scope: string, credentialName: string): Promise<string> {
  const failed = `could not obtain a token for ${scope} with ${credentialName}`;
  let accessToken: Awaited<ReturnType<TokenCredential['getToken']>>;
  try {
    accessToken = await credential.getToken(scope);
  } catch (error) {
    if (error instanceof CredentialUnavailableError) {
      throw new UpstreamAuthError('unavailable', `${failed}: no credential is available`, undefined, { cause: error });
    }
    if (error instanceof AuthenticationError) {
      const code = error.errorResponse?.error;
      const oauthError = typeof code === 'string' && OAUTH_ERROR_CODE.test(code) ? code : undefined;
      const answered = oauthError === undefined ? `the authority answered ${error.statusCode}` : `the authority answered ${oauthError}`;
      throw new UpstreamAuthError('refused', `${failed}: ${answered}`, oauthError, { cause: error });
    }
    throw new UpstreamAuthError('unavailable', `${failed}: the token request failed`, undefined, { cause: error });
  }
  if (accessToken === null) throw new UpstreamAuthError('refused', `${failed}: it returned no token`);
  return accessToken.token;
}
