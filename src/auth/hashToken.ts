import { createHash } from 'node:crypto';

/** sha256 of a bearer token, lower-case hex: a cache key that cannot be turned back into the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
