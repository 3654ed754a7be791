import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  valueFromAST,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';

function recoerce(input: GraphQLArgument | GraphQLInputField): void {
  const literal = input.astNode?.defaultValue;
  if (!literal) return;
  const named = getNamedType(input.type);
  if (!isEnumType(named) && !isInputObjectType(named)) return;
  const value = valueFromAST(literal, input.type);
  if (value === undefined) {
    throw new Error(`default value of ${input.name} must be valid for ${String(input.type)}, but got: ${literal.kind}`);
  }
  // Arguments and input fields are plain objects inside graphql-js types; replacing the coerced default is safe.
  (input as { defaultValue: unknown }).defaultValue = value;
}

/**
 * Re-coerces every argument and input-field default from its SDL literal, in place, and returns the schema.
 *
 * buildSubgraphSchema coerces defaults while the enums still map each name to itself, and only afterwards
 * applies enum resolvers (internal values). Without this, `includedUserTypes: IncludedUserTypes = ALL` would
 * reach resolvers as `'ALL'` instead of Graph's `'all'`, and introspection would show no default at all.
 */
export function recoerceEnumDefaults(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) field.args.forEach(recoerce);
    } else if (isInputObjectType(type)) {
      Object.values(type.getFields()).forEach(recoerce);
    }
  }
  return schema;
}
