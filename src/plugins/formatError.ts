import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';
import { toGraphQLError } from '../errors/toGraphQLError';

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
