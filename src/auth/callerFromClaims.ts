import type { JWTPayload } from 'jose';
import type { Caller } from './Caller';
import { CallerAuthError } from './CallerAuthError';
import type { EntraCallerSettings } from './EntraCallerSettings';
import { hashToken } from './hashToken';
import { isGraphAudience } from './isGraphAudience';

/**
 * The checks jose does not do, on a payload whose signature, issuer, audience and times it already
 * verified: the tenant, Graph's audience, the subject. Returns the Caller it describes.
 */
export function callerFromClaims(payload: JWTPayload, token: string, settings: EntraCallerSettings): Caller {
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
