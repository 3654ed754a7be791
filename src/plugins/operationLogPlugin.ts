import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context/GatewayContext';

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
