import { GraphEnums, type GraphEnumName } from '../graph/reports/GraphEnums';
import { gatewayEnumValues } from './gatewayEnumValues';
import { graphQLEnumTypeName } from './graphQLEnumTypeName';
import { toGraphQLEnumName } from './toGraphQLEnumName';

/**
 * Apollo enum resolvers for every enum of the schema: `{ UsageAuthMethod: { MOBILE_SMS: 'mobileSMS', … }, … }`.
 * With them, resolvers receive arguments and return fields in Graph's spelling; GraphQL names exist only on
 * the wire. Graph enums are derived from GraphEnums, so a member added there reaches the schema's resolvers
 * and the drift test at once.
 */
export function enumResolvers(): Record<string, Record<string, string>> {
  const resolvers: Record<string, Record<string, string>> = {};
  for (const graphEnumName of Object.keys(GraphEnums) as GraphEnumName[]) {
    const values: Record<string, string> = {};
    for (const member of GraphEnums[graphEnumName]) {
      values[toGraphQLEnumName(member)] = member;
    }
    resolvers[graphQLEnumTypeName(graphEnumName)] = values;
  }
  for (const [enumName, values] of Object.entries(gatewayEnumValues)) {
    resolvers[enumName] = { ...values };
  }
  return resolvers;
}
