import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the operation selects `name` below the current field: the one walk over a resolver's selection
 * (fragments included) that resolvers use to choose what to read.
 *
 * Without `on`, at any depth and through every fragment. With `on`, only directly on objects of that type
 * (not on nested objects): through inline fragments without a type condition or with that type, and named
 * fragments on that type, as an `_entities` selection names many types at once.
 *
 * Each named fragment is searched at most once per call: a fragment that did not hold the field the first
 * time cannot hold it the second, so documents whose fragments spread each other many times cost time
 * linear in their size, not exponential.
 */
export function selectsField(info: GraphQLResolveInfo, name: string, on?: string): boolean {
  const seen = new Set<string>();
  const search = (set: SelectionSetNode | undefined): boolean =>
    set?.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name || (on === undefined && search(s.selectionSet));
      const condition = s.kind === Kind.INLINE_FRAGMENT ? s.typeCondition?.name.value : info.fragments[s.name.value]?.typeCondition.name.value;
      if (on !== undefined && condition !== undefined && condition !== on) return false;
      if (s.kind === Kind.INLINE_FRAGMENT) return search(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      return search(info.fragments[s.name.value]?.selectionSet);
    }) ?? false;
  return info.fieldNodes.some((node) => search(node.selectionSet));
}
