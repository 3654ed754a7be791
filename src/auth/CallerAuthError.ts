import type { CallerAuthReason } from './CallerAuthReason';

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
