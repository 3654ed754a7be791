import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import type { SignCallerTokenOptions } from './OidcProvider';
import type { SigningKey } from './SigningKey';

/** Signs `claims` exactly as given (no claim is added), or leaves them unsigned for `alg: 'none'`. */
export async function signTestToken(
  claims: JWTPayload,
  options: SignCallerTokenOptions,
  keys: { readonly published: SigningKey; readonly next: SigningKey; readonly stranger: SigningKey },
): Promise<string> {
  const alg = options.alg ?? 'RS256';
  if (alg === 'none') return new UnsecuredJWT(claims).encode();
  const keyChoice = options.key ?? 'published';
  const named = typeof keyChoice === 'string' ? keys[keyChoice] : keys.published;
  const kid = options.kid ?? named.kid;
  if (alg === 'HS256') {
    if (options.secret === undefined) throw new Error('an HS256 test token needs `secret`');
    return new SignJWT(claims).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(options.secret);
  }
  const key = typeof keyChoice === 'string' ? named.privateKey : keyChoice;
  return new SignJWT(claims).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);
}
