import { type FieldNode, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Answers already given per field (its nodes in the document) and question: `_entities` resolves every
 * representation with the same `info`, so a thousand representations ask the same question a thousand times and
 * the selection is walked once. Keyed by the document's own nodes, so answers go when the operation's document goes.
 */
const answers = new WeakMap<readonly FieldNode[], Map<string, boolean>>();

/**
 * Whether the operation selects `name` below the current field: the one walk over a resolver's selection
 * (fragments included) that resolvers use to choose what to read.
 *
 * Without `on`, at any depth and through every fragment. With `on`, only directly on objects of that type
 * (not on nested objects): through inline fragments without a type condition or with that type, and named
 * fragments on that type, as an `_entities` selection names many types at once.
 *
 * Each named fragment is searched at most once per walk: a fragment that did not hold the field the first
 * time cannot hold it the second, so documents whose fragments spread each other many times cost time
 * linear in their size, not exponential. And each field asks each question once per operation.
 */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string, on?: string): boolean {
  const question = `${name}\n${on ?? ''}`;
  let known = answers.get(info.fieldNodes);
  if (known === undefined) {
    known = new Map();
    answers.set(info.fieldNodes, known);
  }
  const answer = known.get(question);
  if (answer !== undefined) return answer;
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
  const found = info.fieldNodes.some((node) => search(node.selectionSet));
  known.set(question, found);
  return found;
}
