import { GraphQLError, Kind, type ValidationRule } from 'graphql';

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
