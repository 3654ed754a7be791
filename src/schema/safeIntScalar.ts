import { GraphQLScalarType } from 'graphql';
import { SafeIntResolver } from 'graphql-scalars';

/**
 * `SafeInt` with graphql-scalars' coercion (integers up to 2^53-1 as JSON numbers). Built anew, with name and
 * coercion only, because buildSubgraphSchema copies every own property of a scalar resolver onto the type and
 * would replace the schema's description and @specifiedBy URL with the library's.
 */
export const safeIntScalar = new GraphQLScalarType<number, number>({
  name: 'SafeInt',
  serialize: (value) => SafeIntResolver.serialize(value) as number,
  parseValue: (value) => SafeIntResolver.parseValue(value) as number,
  parseLiteral: (ast, variables) => SafeIntResolver.parseLiteral(ast, variables) as number,
});
