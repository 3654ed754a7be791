import type { RunningServer } from '../process/RunningServer';
import { startChild } from '../process/startChild';
import type { ContenderId } from './ContenderId';
import type { MeshBuild } from './MeshBuild';
import { startMesh } from './startMesh';

/**
 * The gateway as deployed (`NODE_ENV=production`, as Mesh runs too; `GATEWAY_AUTH=none`: the bench has
 * no Entra tokens, so caller-token checks are not measured) with its default settings, except two the
 * throughput scenarios pin: the upstream budget (off: the emulator enforces none there, and Graph's
 * 5/10s would measure waiting, not the pipeline; the throttled scenarios turn both on) and the response
 * cache (off: a repeated operation would measure the cache; the `repeat` scenario turns it back on).
 */
const GATEWAY_ENV = { NODE_ENV: 'production', GATEWAY_AUTH: 'none', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', GRAPH_RATE_LIMIT: 'off', GRAPH_CACHE_TTL_SECONDS: '0' };

/** Starts one contender in its own process against `graphRoot`; gateway variables of the scenario on top. */
export async function startContender(id: ContenderId, graphRoot: string, env: Readonly<Record<string, string | null>>, mesh: MeshBuild): Promise<RunningServer> {
  switch (id) {
    case 'gateway':
      return startChild('gateway/gatewayChild.ts', { ...GATEWAY_ENV, GRAPH_URL: graphRoot, ...env });
    case 'naive':
      return startChild('gateway/gatewayChild.ts', { ...GATEWAY_ENV, GRAPH_URL: graphRoot, ...env, GRAPH_DEDUPE: 'off', GRAPH_CACHE_TTL_SECONDS: '0' });
    case 'rest':
      return startChild('rest/restChild.ts', { BENCH_GRAPH_ROOT: graphRoot });
    case 'mesh':
      if (!mesh.ok) throw new Error(mesh.reason);
      return startMesh(mesh.workDir, graphRoot);
  }
}
