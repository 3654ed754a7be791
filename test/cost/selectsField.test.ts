import { type FieldNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { selectsField } from '../../src/operation/selection';

/** What `_entities` hands every representation's resolver: the same field nodes, fragments counted as they are read. */
function infoOf(query: string): { info: { fieldNodes: readonly FieldNode[]; fragments: Record<string, FragmentDefinitionNode> }; reads: () => number } {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  let reads = 0;
  const counted = new Proxy(fragments, {
    get(target, name) {
      reads += 1;
      return target[name as string];
    },
  });
  return { info: { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments: counted }, reads: () => reads };
}

describe('selectsField', () => {
  const levels = 18;
  const lines = ['{ _entities(representations: []) { ...U0 } }'];
  for (let i = 0; i < levels; i += 1) lines.push(`fragment U${i} on User { ...U${i + 1} ...U${i + 1} }`);
  lines.push(`fragment U${levels} on User { userPrincipalName }`);

  it('walks the selection of a field once per question, however many representations ask it', () => {
    const { info, reads } = infoOf(lines.join('\n'));
    expect(selectsField(info, 'id', 'User')).toBe(false);
    const once = reads();
    // Each fragment is looked up for its type condition and its body: twice per spread walked, not 2^18 times.
    expect(once).toBeLessThanOrEqual(4 * (levels + 1));
    for (let i = 0; i < 1000; i += 1) expect(selectsField(info, 'id', 'User')).toBe(false);
    expect(reads()).toBe(once);
    expect(selectsField(info, 'userPrincipalName', 'User')).toBe(true);
  });
});
