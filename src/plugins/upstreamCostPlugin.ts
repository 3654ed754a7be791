import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import { ErrorCode } from '../errors/ErrorCode';
import { upstreamCost } from './upstreamCost';

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
