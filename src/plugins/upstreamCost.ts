import {
  getNamedType, isObjectType, Kind, valueFromAST,
  type FragmentDefinitionNode, type GraphQLObjectType, type GraphQLSchema, type SelectionSetNode,
} from 'graphql';
import { pageLimits } from '../connections/pageLimits';

/** Fields that cost one upstream read per parent although they are not connections. */
const LINK_FIELDS = new Set(['registration', 'credentialRegistration', 'authenticationRegistration']);

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
      if (connection || root || LINK_FIELDS.has(field.name)) total += multiplier;
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
