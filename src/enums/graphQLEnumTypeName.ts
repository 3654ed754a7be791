import type { GraphEnumName } from '../graph/reports/GraphEnums';

/** The GraphQL enum type that carries a Graph enum: Graph's type name with a capital first letter. */
export function graphQLEnumTypeName(graphEnumName: GraphEnumName): string {
  return graphEnumName.charAt(0).toUpperCase() + graphEnumName.slice(1);
}
