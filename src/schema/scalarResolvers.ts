import type { GraphQLScalarType } from 'graphql';
import { dateTimeScalar } from './dateTimeScalar';
import { safeIntScalar } from './safeIntScalar';

/** The resolvers of the schema's custom scalars, for buildSubgraphSchema. */
export const scalarResolvers: { readonly DateTime: GraphQLScalarType; readonly SafeInt: GraphQLScalarType } = {
  DateTime: dateTimeScalar,
  SafeInt: safeIntScalar,
};
