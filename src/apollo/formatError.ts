import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { CallerAuthError, CallerForbiddenError } from '../auth/callers';
import { UpstreamAuthError } from '../auth/graphTokens';
import { callerRefusal } from '../operation/context';
import { BadUserInputError, ErrorCode, ForbiddenError, UpstreamError, UpstreamThrottledError, UpstreamUnavailableError } from '../errors';
import { GraphCallError, GraphHttpError, GraphRefusedRequestError, GraphThrottledError, GraphUnavailableError, ODataCompileError } from '../graph/errors';

/** OAuth errors that mean this caller may not have the token, rather than that the gateway is misconfigured. */
const CALLER_REFUSALS = new Set(['invalid_grant', 'consent_required', 'interaction_required']);

/**
 * Maps a failure from below the resolvers to the coded error a client sees. Anything unrecognised is
 * returned unchanged, and the server's error formatter masks it as INTERNAL_SERVER_ERROR.
 */
export function toGraphQLError(error: unknown): unknown {
  if (error instanceof UpstreamAuthError) return fromTokenFailure(error);
  // The caller's token ran out during the operation (obo): a refusal of the caller, not a fault of ours.
  if (error instanceof CallerAuthError || error instanceof CallerForbiddenError) return callerRefusal(error);
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

const KNOWN = new Set<string>(Object.values(ErrorCode));
/** Apollo's own request-level codes, folded into our documented list. */
const FOLDED: Record<string, ErrorCode> = {
  BAD_REQUEST: ErrorCode.BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_USER_INPUT,
};

/**
 * Everything a client sees passes here. Failures from the graph layer become their coded errors;
 * known codes keep their message and extensions (which our error classes fill with safe values
 * only); anything else is masked, whatever its origin.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const mapped = toGraphQLError(unwrapResolverError(error));
  const source = mapped instanceof GraphQLError && mapped !== error ? { ...formatted, message: mapped.message, extensions: mapped.extensions } : formatted;
  const raw = source.extensions?.code;
  const code = typeof raw === 'string' ? (FOLDED[raw] ?? raw) : undefined;
  if (code !== undefined && KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _stack, ...extensions } = source.extensions ?? {};
    return { message: source.message, ...(source.locations ? { locations: source.locations } : {}), ...(source.path ? { path: source.path } : {}), extensions: { ...extensions, code } };
  }
  return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
