import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { GraphQLSchema } from 'graphql';
import { enumResolvers } from '../enums/enumResolvers';
import type { Resolvers } from '../generated/resolvers-types';
import { loadTypeDefs } from './loadTypeDefs';
import { recoerceEnumDefaults } from './recoerceEnumDefaults';
import { scalarResolvers } from './scalarResolvers';

/**
 * The executable subgraph schema: the SDL of `schema/` with the enum and scalar resolvers and the given
 * field resolvers, enum defaults re-coerced to internal values. The one way to build it, so every server
 * and test hands resolvers Graph's spellings. Field resolvers win over the built-in ones for the same type.
 */
export function buildGatewaySchema(fieldResolvers: Resolvers = {}, schemaDir?: string): GraphQLSchema {
  // The generated Resolvers type is stricter than Apollo's resolver map; the shapes agree at runtime.
  const resolvers = { ...enumResolvers(), ...scalarResolvers, ...fieldResolvers } as GraphQLResolverMap<unknown>;
  return recoerceEnumDefaults(buildSubgraphSchema({ typeDefs: loadTypeDefs(schemaDir), resolvers }));
}
