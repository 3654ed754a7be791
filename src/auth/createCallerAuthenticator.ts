import { jwtVerify, type JWTPayload } from 'jose';
import type { Caller } from './Caller';
import type { CallerAuthenticator } from './CallerAuthenticator';
import { CallerAuthError } from './CallerAuthError';
import { callerAuthReasonOf } from './callerAuthReasonOf';
import type { CallerAuthOptions } from './CallerAuthOptions';
import { CallerForbiddenError } from './CallerForbiddenError';
import { callerFromClaims } from './callerFromClaims';
import { createTenantKeySet } from './createTenantKeySet';
import { validateEntraCallerOptions } from './validateEntraCallerOptions';

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
