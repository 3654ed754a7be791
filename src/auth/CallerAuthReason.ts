/** Why a bearer token was refused: short, stable, safe to log. */
export type CallerAuthReason =
  /** No Authorization header (or an empty one). */
  | 'missing'
  /** Not `Bearer <compact JWS>`, or not decodable, or too long. */
  | 'malformed'
  /** Any `alg` other than RS256 (`none`, HS256 key confusion, …). */
  | 'algorithm'
  /** The `kid` names no key the tenant publishes. */
  | 'key'
  | 'signature'
  | 'expired'
  /** `nbf` lies in the future (beyond the clock tolerance). */
  | 'not_yet_valid'
  | 'issuer'
  /** `tid` is not the configured tenant. */
  | 'tenant'
  /** `aud` is not one of the gateway's audiences, or is Microsoft Graph's. */
  | 'audience'
  /** A required claim (`exp`, `iat`, `tid`, `oid`/`sub`, `azp`/`appid`) is missing or of the wrong type. */
  | 'claim'
  /** The tenant's OpenID metadata or keys could not be fetched, so nothing can be verified. */
  | 'keys_unavailable';
