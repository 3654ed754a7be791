import { jwtVerify, type KeyLike } from 'jose';

const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Whether the token request proves it comes from the registered client: by its secret, or by a
 * client assertion (private_key_jwt) signed with the registered certificate's key for this endpoint.
 */
export async function authenticatesClient(
  form: URLSearchParams,
  client: { readonly clientId: string; readonly clientSecret: string; readonly certificateKey: KeyLike; readonly tokenEndpoint: string },
): Promise<boolean> {
  if (form.get('client_id') !== client.clientId) return false;
  if (form.has('client_secret')) return form.get('client_secret') === client.clientSecret;
  if (form.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE) return false;
  try {
    await jwtVerify(form.get('client_assertion') ?? '', client.certificateKey, {
      algorithms: ['RS256', 'PS256'],
      issuer: client.clientId,
      subject: client.clientId,
      audience: client.tokenEndpoint,
      requiredClaims: ['exp', 'jti'],
      // Like Entra, allow 5 minutes of skew: MSAL sets nbf a second after iat, so a strict check fails sometimes.
      clockTolerance: 300,
    });
    return true;
  } catch {
    return false;
  }
}
