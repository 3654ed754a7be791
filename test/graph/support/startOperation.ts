import type { GraphPipeline } from '../../../src/graph/types';
import { createUpstream } from '../../../src/operation/upstream';
import { OperationStats } from '../../../src/operation/upstream';
import type { Upstream } from '../../../src/operation/upstream';
import type { UpstreamCall } from '../../../src/operation/upstream';

/** What a GraphQL operation would get from the context function: its Upstream and its stats. */
export function startOperation(
  pipeline: GraphPipeline,
  call: Partial<Omit<UpstreamCall, 'stats'>> = {},
): { upstream: Upstream; stats: OperationStats } {
  const stats = new OperationStats();
  const upstream = createUpstream(pipeline, {
    principal: 'app',
    tenant: 'contoso',
    party: 'operation',
    getToken: async () => null,
    deadline: Date.now() + 30_000,
    stats,
    ...call,
  });
  return { upstream, stats };
}
