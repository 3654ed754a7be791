import { GraphQLError } from 'graphql';
import { GraphCallError } from '../graph/errors/GraphCallError';
import { GraphHttpError } from '../graph/errors/GraphHttpError';
import { GraphRefusedRequestError } from '../graph/errors/GraphRefusedRequestError';
import { GraphThrottledError } from '../graph/errors/GraphThrottledError';
import { GraphUnavailableError } from '../graph/errors/GraphUnavailableError';
import { ODataCompileError } from '../graph/odata/ODataCompileError';
import { UpstreamAuthError } from '../auth/UpstreamAuthError';
import { BadUserInputError } from './BadUserInputError';
import { ForbiddenError } from './ForbiddenError';
import { UpstreamError } from './UpstreamError';
import { UpstreamThrottledError } from './UpstreamThrottledError';
import { UpstreamUnavailableError } from './UpstreamUnavailableError';

/** OAuth errors that mean this caller may not have the token, rather than that the gateway is misconfigured. */
const CALLER_REFUSALS = new Set(['invalid_grant', 'consent_required', 'interaction_required']);

/**
 * Maps a failure from below the resolvers to the coded error a client sees. Anything unrecognised is
 * returned unchanged, and the server's error formatter masks it as INTERNAL_SERVER_ERROR.
 */
export function toGraphQLError(error: unknown): unknown {
  if (error instanceof UpstreamAuthError) return fromTokenFailure(error);
  if (error instanceof GraphQLError || !(error instanceof GraphCallError)) return error;
  const { httpStatus, graphCode, requestId } = error.details;
  if (error instanceof GraphThrottledError) return new UpstreamThrottledError(error.retryAfterSeconds, requestId, error);
  if (error instanceof GraphUnavailableError) return new UpstreamUnavailableError(pick({ httpStatus, requestId }), error);
  // A nextLink we refuse to follow is upstream's fault, not the client's.
  if (error instanceof ODataCompileError && error.property === '@odata.nextLink') {
    return new UpstreamError({ graphCode: 'UnfollowableNextLink' }, error);
  }
  if (error instanceof GraphRefusedRequestError) return new BadUserInputError(error.message, undefined, error);
  if (error instanceof GraphHttpError && httpStatus === 403) {
    return new ForbiddenError('Microsoft Graph refused this report to the caller (HTTP 403)', pick({ graphCode, requestId }), error);
  }
  return new UpstreamError(pick({ httpStatus, graphCode, requestId }), error);
}

/** No Graph token: the caller's delegation was refused (FORBIDDEN), or Entra could not be asked. */
function fromTokenFailure(error: UpstreamAuthError): GraphQLError {
  if (error.reason === 'unavailable') return new UpstreamUnavailableError({}, error);
  if (error.oauthError && CALLER_REFUSALS.has(error.oauthError)) {
    return new ForbiddenError('Microsoft Entra refused a Graph token on behalf of the caller', { graphCode: error.oauthError }, error);
  }
  return new UpstreamError({ graphCode: error.oauthError ?? 'TokenRefused' }, error);
}

function pick<T extends Record<string, unknown>>(details: T): Partial<T> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) as Partial<T>;
}
