import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { type FragmentDefinitionNode, GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { Caller } from '../auth/callers';
import { UpstreamAuthError } from '../auth/graphTokens';
import type { Config } from '../config';
import { ErrorCode } from '../errors';
import { GraphCallError } from '../graph/errors';
import type { GatewayContext } from '../operation/context';

/** Each root field is at least one upstream report, so their number is bounded apart from aliases. */
export function maxRootFieldsRule(max: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const count = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && !s.name.value.startsWith('__')).length;
      if (count > max) {
        context.reportError(new GraphQLError(`An operation may select at most ${max} root fields, but this one selects ${count}`, { nodes: [operation] }));
      }
    },
  });
}

/**
 * Bounds the fragment spreads an operation expands to, as execution expands them: a spread counts once for every
 * time the fragment holding it is spread, so fragments that each spread the next one under two different fields
 * count 2^depth (the same fragment spread twice in one selection set is collected once, as execution does). The
 * count is memoised per fragment, so computing it is linear in the document even when the expansion is not.
 */
export function maxFragmentSpreadsRule(max: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const expanded = new Map<string, number>();
    const count = (set: SelectionSetNode | undefined): number => {
      let total = 0;
      const spread = new Set<string>();
      for (const s of set?.selections ?? []) {
        if (s.kind !== Kind.FRAGMENT_SPREAD) total += count(s.selectionSet);
        else if (!spread.has(s.name.value)) {
          // A fragment spread twice in one selection set is collected once by execution (collectFields).
          const name = s.name.value;
          spread.add(name);
          if (!expanded.has(name)) {
            // Cycles are another rule's error; counting one stays finite.
            expanded.set(name, 0);
            expanded.set(name, count(fragments.get(name)?.selectionSet));
          }
          total += 1 + expanded.get(name)!;
        }
        // Past the cap the exact number does not matter, and 2^40 need not be computed exactly.
        if (total > max) return max + 1;
      }
      return total;
    };
    return {
      OperationDefinition(operation) {
        const spreads = count(operation.selectionSet);
        if (spreads > max) {
          context.reportError(
            new GraphQLError(`An operation may expand to at most ${max} fragment spreads, but this one expands to more (fragments spread within spread fragments count each time)`, { nodes: [operation] }),
          );
        }
      },
    };
  };
}

/**
 * Validation rules bounding what one operation may ask of upstream; all answer
 * GRAPHQL_VALIDATION_FAILED before any resolver runs. Token count is bounded by the parser itself,
 * and the upstream cost, which needs variable values, by `upstreamCostPlugin` (cost.ts).
 */
export function operationLimits(config: Config): ValidationRule[] {
  const { maxDepth, maxAliases, maxRootFields, maxFragmentSpreads } = config.gateway;
  // Armor throws by default, which Apollo treats as a crash; reporting makes it a validation error.
  const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };
  return [
    maxDepthRule({ n: maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true, ...report }) as unknown as ValidationRule,
    maxAliasesRule({ n: maxAliases, exposeLimits: true, ...report }) as unknown as ValidationRule,
    maxRootFieldsRule(maxRootFields),
    maxFragmentSpreadsRule(maxFragmentSpreads),
  ];
}

const KNOWN = new Set<string>(Object.values(ErrorCode));

/** Header a caller sets (to `true`) to receive the operation's upstream counts in `extensions.upstream`. */
export const STATS_HEADER = 'x-gateway-stats';

/**
 * Who may read the upstream counts: anyone outside production; in production only a caller holding one of
 * `statsRoles` (GATEWAY_STATS_ROLES) as an app role or scope, since the counts and upstream request ids
 * tell an outsider how the gateway spends the tenant's budget. Others' header is ignored, not refused.
 */
export function mayReadStats(caller: Caller, settings: { readonly production: boolean; readonly statsRoles: readonly string[] }): boolean {
  if (!settings.production) return true;
  if (caller.kind === 'anonymous') return false;
  return settings.statsRoles.some((role) => caller.roles.includes(role) || caller.scopes.includes(role));
}

/**
 * One log line per operation with its upstream counts, and the same counts in the response when the
 * caller asks. Also stamps the request id on masked errors so an operator can find the log line.
 */
export function operationLogPlugin(settings: Parameters<typeof mayReadStats>[1]): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const started = performance.now();
      const wantsStats = request.http?.headers.get(STATS_HEADER) === 'true' && mayReadStats(contextValue.caller, settings);
      return {
        // What a client sees as INTERNAL_SERVER_ERROR is logged here, so the request id leads to a cause.
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === 'string' && KNOWN.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) continue;
            if (error.originalError instanceof GraphCallError || error.originalError instanceof UpstreamAuthError) continue;
            contextValue.logger.error(
              { path: error.path, error: { name: error.originalError?.name ?? error.name, message: error.message } },
              'unexpected error, masked as INTERNAL_SERVER_ERROR',
            );
          }
        },
        async willSendResponse({ response, operationName }) {
          const { stats, requestId, logger } = contextValue;
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          for (const error of result.errors ?? []) {
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
              (error as { extensions: Record<string, unknown> }).extensions = { code: 'INTERNAL_SERVER_ERROR', requestId };
            }
          }
          if (wantsStats) result.extensions = { ...result.extensions, upstream: stats.toJSON() };
          // An answer served from the cache says how old it is (in whole seconds, like HTTP's Age) and
          // whether it was stale, served while a refresh went upstream (README: Visibility).
          if (stats.cacheAgeMs !== null) {
            result.extensions = { ...result.extensions, cache: { ageSeconds: Math.floor(stats.cacheAgeMs / 1000), stale: stats.staleHits > 0 } };
          }
          // The operation's logger already carries requestId (a child logger): once per line.
          logger.info(
            {
              operationName: operationName ?? null,
              durationMs: Math.round(performance.now() - started),
              upstream: stats.toJSON(),
              // As the client received them: formatError has given upstream failures their codes by now.
              errorCodes: (result.errors ?? []).map((e) => e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
            },
            'operation',
          );
        },
      };
    },
  };
}
