import { errors, type JWTPayload, jwtVerify } from 'jose';
import { createHash } from 'node:crypto';
import { type CallerAuthOptions, type EntraCallerSettings, isGraphAudience, validateEntraCallerOptions } from '../config';
import { createTenantKeySet } from './tenantKeys';

/**
 * Who sent a request. `anonymous` only when caller authentication is off (`GATEWAY_AUTH=none`).
 * `token` is the raw bearer, kept for the on-behalf-of exchange alone: never log or echo it.
 */
export type Caller =
  | { readonly kind: 'anonymous' }
  | {
      /** `app` for an app-only token (`idtyp: app`, or no `scp`), else `user`. */
      readonly kind: 'user' | 'app';
      /** The `oid` claim, or `sub` when a token has no `oid`. */
      readonly subject: string;
      /** The `tid` claim, which always equals the configured tenant. */
      readonly tenantId: string;
      readonly token: string;
      /** sha256 of `token`, lower-case hex: safe to use in cache keys and logs. */
      readonly tokenHash: string;
      /** App roles from the `roles` claim. */
      readonly roles: readonly string[];
      /** Delegated scopes from the space-separated `scp` claim. */
      readonly scopes: readonly string[];
      /** When the token expires, in epoch milliseconds (the `exp` claim × 1000). */
      readonly expiresAt: number;
    };

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
  /** `nbf` or `iat` lies in the future (beyond the clock tolerance). */
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

/**
 * A request's bearer token is missing or invalid: HTTP 401, `WWW-Authenticate: Bearer
 * error="invalid_token"`, `extensions.code` UNAUTHENTICATED. The message never holds the token.
 */
export class CallerAuthError extends Error {
  constructor(
    readonly reason: CallerAuthReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CallerAuthError';
  }
}

/**
 * The caller is authenticated but may not use the gateway: HTTP 403, `extensions.code` FORBIDDEN.
 * `role`: holds none of `GATEWAY_REQUIRED_ROLES`; `user_required`: an app-only token cannot be
 * exchanged on-behalf-of (`GRAPH_AUTH=obo` serves users only).
 */
export class CallerForbiddenError extends Error {
  constructor(
    readonly reason: 'role' | 'user_required',
    message: string,
  ) {
    super(message);
    this.name = 'CallerForbiddenError';
  }
}

export interface CallerAuthenticator {
  /**
   * Turns a request's Authorization header into a Caller. Rejects with CallerAuthError (401) or
   * CallerForbiddenError (403), and never calls a token endpoint.
   */
  authenticate(authorizationHeader: string | undefined): Promise<Caller>;
}

/** sha256 of a bearer token, lower-case hex: a cache key that cannot be turned back into the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

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

/**
 * The checks jose does not do, on a payload whose signature, issuer, audience and times it already
 * verified: the tenant, Graph's audience, the subject, an issue time not in the future. Returns the Caller it
 * describes.
 */
export function callerFromClaims(payload: JWTPayload, token: string, settings: EntraCallerSettings, nowMs = Date.now()): Caller {
  // jose checks `iat` only against a maximum token age; a token issued tomorrow was not issued by a sane clock.
  if (typeof payload.iat === 'number' && payload.iat > nowMs / 1000 + settings.clockToleranceSeconds) {
    throw new CallerAuthError('not_yet_valid', `the token's iat must not lie more than ${settings.clockToleranceSeconds} s in the future, but it does`);
  }
  const tid = payload['tid'];
  if (typeof tid !== 'string' || tid.toLowerCase() !== settings.tenantId) {
    throw new CallerAuthError('tenant', `the token's tid must be the tenant ${settings.tenantId}, but is: ${String(tid)}`);
  }
  const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
  const graph = audiences.find(isGraphAudience);
  if (graph !== undefined) {
    throw new CallerAuthError('audience', `the token must not be for Microsoft Graph, but its aud includes: ${graph}`);
  }
  const subject = stringClaim(payload, 'oid') ?? stringClaim(payload, 'sub');
  if (subject === undefined) throw new CallerAuthError('claim', 'the token must carry an oid or sub claim, but has neither');
  // Access tokens name the client they were issued to (v2 azp, v1 appid); ID tokens do not, and an ID
  // token for an app registration that is both SPA and API would otherwise pass as an app caller.
  if (stringClaim(payload, 'azp') === undefined && stringClaim(payload, 'appid') === undefined) {
    throw new CallerAuthError('claim', 'the token must be an access token naming its client (azp or appid), but names none');
  }
  if (typeof payload.exp !== 'number') throw new CallerAuthError('claim', 'the token must carry a numeric exp claim');
  const rolesClaim = payload['roles'];
  const roles = Array.isArray(rolesClaim) ? rolesClaim.filter((r): r is string => typeof r === 'string') : [];
  const scopes = (stringClaim(payload, 'scp') ?? '').split(' ').filter((s) => s !== '');
  const idtyp = stringClaim(payload, 'idtyp');
  // Entra marks app-only tokens with idtyp=app only when that optional claim is configured; otherwise
  // a token without delegated scopes is app-only (Microsoft's documented fallback).
  const kind = idtyp === 'app' || (idtyp !== 'user' && stringClaim(payload, 'scp') === undefined) ? 'app' : 'user';
  return Object.freeze({
    kind,
    subject,
    tenantId: settings.tenantId,
    token,
    tokenHash: hashToken(token),
    roles: Object.freeze(roles),
    scopes: Object.freeze(scopes),
    expiresAt: payload.exp * 1000,
  });
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Entra tokens are a few KiB; a bigger header is refused before any parsing. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const ANONYMOUS: Caller = Object.freeze({ kind: 'anonymous' });

/**
 * `none`: every request is anonymous. `entra`: the Authorization header must hold an RS256 JWT from
 * the configured tenant for one of the gateway's audiences, checked against the tenant's published
 * keys; invalid options throw AuthConfigError here, at start-up.
 */
export function createCallerAuthenticator(options: CallerAuthOptions): CallerAuthenticator {
  if (options.mode === 'none') return { authenticate: async () => ANONYMOUS };
  const settings = validateEntraCallerOptions(options);
  const keySet = createTenantKeySet({
    authorityHost: settings.authorityHost,
    tenantId: settings.tenantId,
    expectedIssuer: settings.metadataIssuer,
    ...(settings.httpsAgent === undefined ? {} : { agent: settings.httpsAgent }),
  });
  return {
    async authenticate(authorizationHeader) {
      const token = bearerTokenOf(authorizationHeader);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keySet, {
          algorithms: ['RS256'],
          issuer: [...settings.issuers],
          audience: [...settings.audiences],
          clockTolerance: settings.clockToleranceSeconds,
          requiredClaims: ['exp', 'iat', 'tid'],
        }));
      } catch (error) {
        const reason = callerAuthReasonOf(error);
        if (reason === 'keys_unavailable') {
          throw new CallerAuthError(reason, "the bearer token cannot be checked: the tenant's signing keys could not be fetched", { cause: error });
        }
        // jose's message names the failed check and never the token. Its error is not kept as cause:
        // it carries the decoded claims (names, e-mail addresses), which have no place in a log.
        throw new CallerAuthError(reason, `the bearer token was refused (${reason}): ${(error as Error).message}`);
      }
      const caller = callerFromClaims(payload, token, settings);
      if (caller.kind !== 'anonymous' && settings.requiredRoles.length > 0) {
        const held = [...caller.roles, ...caller.scopes];
        if (!settings.requiredRoles.some((r) => held.includes(r))) {
          throw new CallerForbiddenError(
            'role',
            `the caller must hold one of the roles or scopes [${settings.requiredRoles.join(', ')}], but holds: [${held.join(', ')}]`,
          );
        }
      }
      return caller;
    },
  };
}

function bearerTokenOf(header: string | undefined): string {
  if (header === undefined || header.trim() === '') {
    throw new CallerAuthError('missing', 'a bearer token is required in the Authorization header, but none was sent');
  }
  const match = /^(\S+)\s+(\S+)\s*$/.exec(header.trim());
  if (match === null || match[1]?.toLowerCase() !== 'bearer') {
    // Echo the scheme only when it looks like one: a header that is a bare token must not be echoed.
    const scheme = /^[A-Za-z]{1,20}(?=\s)/.exec(header.trim())?.[0] ?? 'none';
    throw new CallerAuthError('malformed', `the Authorization header must be 'Bearer <token>', but its scheme is: ${scheme}`);
  }
  const token = match[2] ?? '';
  if (token.length > MAX_TOKEN_LENGTH || !COMPACT_JWS.test(token)) {
    throw new CallerAuthError('malformed', `the bearer token must be a compact JWT of at most ${MAX_TOKEN_LENGTH} characters, but is not`);
  }
  return token;
}
