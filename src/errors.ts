import { GraphQLError } from 'graphql';

/** Every `extensions.code` the gateway answers with: the complete list of the README's "Errors". */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  UPSTREAM_THROTTLED = 'UPSTREAM_THROTTLED',
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_ERROR = 'UPSTREAM_ERROR',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * Base of every error the gateway shows a client on purpose. Only `extensions` given here reach the
 * client; the upstream failure, if any, stays in `originalError` for the logs.
 */
export class CodedError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, cause?: Error) {
    super(message, { extensions: { ...extensions, code }, ...(cause ? { originalError: cause } : {}) });
    this.name = new.target.name;
  }
}

/** A client argument outside the contract; always raised before any upstream call. */
export class BadUserInputError extends CodedError {
  constructor(message: string, argument?: string, cause?: Error) {
    super(ErrorCode.BAD_USER_INPUT, message, argument ? { argument } : {}, cause);
  }
}

export class ForbiddenError extends CodedError {
  constructor(message: string, details: { graphCode?: string; requestId?: string } = {}, cause?: Error) {
    super(ErrorCode.FORBIDDEN, message, details, cause);
  }
}

/** HTTP 401 with the `WWW-Authenticate` challenge, carried to the response by Apollo as `extensions.http`. */
export class UnauthenticatedError extends CodedError {
  constructor(message = 'A valid bearer token is required', cause?: Error, challenge = 'Bearer') {
    super(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401, headers: new Map([['www-authenticate', challenge]]) } }, cause);
  }
}

/** Any other upstream failure. Carries Graph's status, error code and request id, never its message. */
export class UpstreamError extends CodedError {
  constructor(details: { httpStatus?: number; graphCode?: string; requestId?: string }, cause?: Error) {
    super(ErrorCode.UPSTREAM_ERROR, `Microsoft Graph refused this report (HTTP ${details.httpStatus ?? 'error'})`, details, cause);
  }
}

export class UpstreamThrottledError extends CodedError {
  constructor(retryAfter: number, requestId: string | undefined, cause?: Error) {
    super(
      ErrorCode.UPSTREAM_THROTTLED,
      `Microsoft Graph is throttling this report; retry after ${retryAfter} s`,
      { retryAfter, ...(requestId ? { requestId } : {}) },
      cause,
    );
  }
}

export class UpstreamUnavailableError extends CodedError {
  constructor(details: { httpStatus?: number; requestId?: string }, cause?: Error) {
    super(ErrorCode.UPSTREAM_UNAVAILABLE, 'Microsoft Graph did not answer this report in time, after retries', details, cause);
  }
}
