import type { GraphPipeline } from '../../../src/graph/GraphPipeline';
import { createUpstream } from '../../../src/loaders/createUpstream';
import { OperationStats } from '../../../src/loaders/OperationStats';
import type { Upstream } from '../../../src/loaders/Upstream';
import type { UpstreamCall } from '../../../src/loaders/UpstreamCall';

/** What a GraphQL operation would get from the context function: its Upstream and its stats. */
export function startOperation(
  pipeline: GraphPipeline,
  call: Partial<Omit<UpstreamCall, 'stats'>> = {},
): { upstream: Upstream; stats: OperationStats } {
  const stats = new OperationStats();
  const upstream = createUpstream(pipeline, {
    principal: 'app',
    tenant: 'contoso',
    getToken: async () => null,
    deadline: Date.now() + 30_000,
    stats,
    ...call,
  });
  return { upstream, stats };
}
