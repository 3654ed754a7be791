import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { type FragmentDefinitionNode, getNamedType, GraphQLError, type GraphQLObjectType, type GraphQLSchema, isObjectType, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule, valueFromAST } from 'graphql';
import type { Caller } from '../auth/callers';
import { UpstreamAuthError } from '../auth/graphTokens';
import type { Config } from '../config';
import { ErrorCode } from '../errors';
import { GraphCallError } from '../graph/errors';
import { pageLimits } from '../operation/connections';
import type { GatewayContext } from '../operation/context';
import { linkFields } from '../reports';

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
 * Validation rules bounding what one operation may ask of upstream; all answer
 * GRAPHQL_VALIDATION_FAILED before any resolver runs. Token count is bounded by the parser itself,
 * and the upstream cost, which needs variable values, by `upstreamCostPlugin`.
 */
export function operationLimits(config: Config): ValidationRule[] {
  const { maxDepth, maxAliases, maxRootFields } = config.gateway;
  // Armor throws by default, which Apollo treats as a crash; reporting makes it a validation error.
  const report = { propagateOnRejection: false, onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)] };
  return [
    maxDepthRule({ n: maxDepth, ignoreIntrospection: true, flattenFragments: true, exposeLimits: true, ...report }) as unknown as ValidationRule,
    maxAliasesRule({ n: maxAliases, exposeLimits: true, ...report }) as unknown as ValidationRule,
    maxRootFieldsRule(maxRootFields),
  ];
}


/**
 * Estimates the upstream requests an operation may cost: a connection or report field costs one
 * request per parent it is resolved for, and a connection multiplies its children by `first`.
 * With the budget at 5 requests per 10 s, this number is what makes an operation slow.
 */
export function upstreamCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  rootType: GraphQLObjectType,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>>,
): number {
  const visit = (set: SelectionSetNode, parent: GraphQLObjectType, multiplier: number, root: boolean): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && isObjectType(type)) total += visit(fragment.selectionSet, type, multiplier, root);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (isObjectType(type)) total += visit(selection.selectionSet, type, multiplier, root);
        continue;
      }
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const named = getNamedType(field.type);
      const connection = named.name.endsWith('Connection');
      if (connection || root || linkFields.has(`${parent.name}.${field.name}`)) total += multiplier;
      let childMultiplier = multiplier;
      if (connection) {
        const firstArg = field.args.find((a) => a.name === 'first');
        const node = selection.arguments?.find((a) => a.name.value === 'first');
        const given = node && firstArg ? valueFromAST(node.value, firstArg.type, variables as Record<string, unknown>) : undefined;
        childMultiplier *= typeof given === 'number' ? Math.max(0, given) : pageLimits.defaultFirst;
      } else if (field.name === '_entities') {
        const node = selection.arguments?.find((a) => a.name.value === 'representations');
        const list = node?.value.kind === Kind.LIST ? node.value.values.length : (node?.value.kind === Kind.VARIABLE ? (variables[node.value.name.value] as unknown[] | undefined)?.length : 1);
        childMultiplier *= list ?? 1;
      }
      if (selection.selectionSet && isObjectType(named)) total += visit(selection.selectionSet, named, childMultiplier, false);
    }
    return total;
  };
  return visit(selectionSet, rootType, 1, true);
}

/** Refuses, before any resolver runs, an operation whose estimated upstream requests exceed `maxCost`. */
export function upstreamCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const root = schema.getRootType(operation.operation);
          if (!root) return;
          const cost = upstreamCost(schema, operation.selectionSet, root, fragments, request.variables ?? {});
          if (cost > maxCost) {
            throw new GraphQLError(
              `An operation may cost at most ${maxCost} upstream requests (a connection counts one per parent and multiplies its children by \`first\`), but this one may cost ${cost}`,
              { extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, cost, maxCost, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
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
