import type { ApolloServerPlugin } from '@apollo/server';
import { UpstreamAuthError } from '../auth/UpstreamAuthError';
import type { GatewayContext } from '../context/GatewayContext';
import { ErrorCode } from '../errors/ErrorCode';
import { GraphCallError } from '../graph/errors/GraphCallError';

const KNOWN = new Set<string>(Object.values(ErrorCode));

/** Header a caller sets (to `true`) to receive the operation's upstream counts in `extensions.upstream`. */
export const STATS_HEADER = 'x-gateway-stats';

/**
 * One log line per operation with its upstream counts, and the same counts in the response when the
 * caller asks. Also stamps the request id on masked errors so an operator can find the log line.
 */
export function operationLogPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const started = performance.now();
      const wantsStats = request.http?.headers.get(STATS_HEADER) === 'true';
      return {
        // What a client sees as INTERNAL_SERVER_ERROR is logged here, so the request id leads to a cause.
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === 'string' && KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) continue;
            if (error.originalError instanceof GraphCallError || error.originalError instanceof UpstreamAuthError) continue;
            contextValue.logger.error(
              { requestId: contextValue.requestId, path: error.path, error: { name: error.originalError?.name ?? error.name, message: error.message } },
              'unexpected error, masked as INTERNAL_SERVER_ERROR',
            );
          }
        },
        async willSendResponse({ response, operationName, errors }) {
          const { stats, requestId, logger } = contextValue;
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          for (const error of result.errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
              (error as { extensions: Record<string, unknown> }).extensions = { code: 'INTERNAL_SERVER_ERROR', requestId };
            }
          }
          if (wantsStats) result.extensions = { ...result.extensions, upstream: stats.toJSON() };
          logger.info(
            {
              requestId,
              operationName: operationName ?? null,
              durationMs: Math.round(performance.now() - started),
              upstream: stats.toJSON(),
              errorCodes: (errors ?? []).map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'operation',
          );
        },
      };
    },
  };
}
