import { errors } from 'jose';
import type { CallerAuthReason } from './CallerAuthReason';

/** Maps what `jose.jwtVerify` threw to a refusal reason. Anything that is not a JOSE error came from fetching keys. */
export function callerAuthReasonOf(error: unknown): CallerAuthReason {
  if (!(error instanceof errors.JOSEError)) return 'keys_unavailable';
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return 'issuer';
    if (error.claim === 'aud') return 'audience';
    if (error.claim === 'nbf' && error.reason === 'check_failed') return 'not_yet_valid';
    return 'claim';
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'key';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'keys_unavailable';
  // ERR_JOSE_GENERIC is what jose throws for a non-200 answer from the keys endpoint.
  if (error.code === 'ERR_JOSE_GENERIC') return 'keys_unavailable';
  return 'malformed';
}
