import type { ContenderId } from './contenders/ContenderId';
import type { MeshBuild } from './contenders/MeshBuild';
import { startRedis, type TestRedis } from '../graph/support/startRedis';
import { startContender } from './contenders/startContender';
import type { EmulatorControl } from './emulator/EmulatorControl';
import type { Tenant } from './emulator/Tenant';
import type { Measurement } from './load/Measurement';
import { runSequential } from './load/runSequential';
import { runThroughput } from './load/runThroughput';
import { peakRssMb } from './process/peakRssMb';
import type { ResultRow } from './report/ResultRow';
import type { Scenario } from './scenarios/Scenario';
import type { BenchSettings } from './settings/BenchSettings';

/** Upstream calls of operations still in flight when autocannon stops must land before they are counted. */
const SETTLE_MS = 1000;
const MAX_WALK_PAGES = 10_000;

/** One scenario against one contender, in a fresh contender process (so its peak RSS is this run's). */
export async function runScenario(scenario: Scenario, contender: ContenderId, context: { settings: BenchSettings; emulator: EmulatorControl; tenant: Tenant; mesh: MeshBuild }): Promise<ResultRow> {
  const skipped = scenario.skipped?.[contender];
  if (skipped !== undefined) return { scenario, contender, outcome: { kind: 'skipped', reason: skipped } };
  const { settings, emulator, tenant } = context;
  const budget = settings.throttleBudget;
  const redis: TestRedis | null = scenario.redis ? await startRedis() : null;
  const env = { ...scenario.env, ...(scenario.budget ? { GRAPH_RATE_LIMIT: `${budget.requests}/${budget.windowSeconds}s` } : {}), ...(redis ? { REDIS_URL: redis.url } : {}) };
  let server;
  try {
    server = await startContender(contender, emulator.url, env, context.mesh);
  } catch (error) {
    await redis?.stop();
    return { scenario, contender, outcome: { kind: 'broken', reason: error instanceof Error ? error.message : String(error) } };
  }
  if (redis && scenario.redis === 'killed') {
    process.kill(redis.pid, 'SIGKILL');
    await redis.exited;
  }
  try {
    const api = contender === 'naive' ? 'gateway' : contender;
    let measurement: Measurement;
    if (scenario.mode === 'throughput') {
      if (settings.warmupSeconds > 0) await runThroughput(server, scenario.operations(api, tenant), { connections: settings.connections, durationSeconds: settings.warmupSeconds });
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      await emulator.clear();
      measurement = await runThroughput(server, scenario.operations(api, tenant), { connections: settings.connections, durationSeconds: settings.durationSeconds });
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    } else {
      await emulator.clear();
      await emulator.setFaults([...(scenario.faults ?? [])]);
      await emulator.setRateLimit(scenario.budget ? budget : null);
      const maxOps = scenario.tenant === 'walk' ? MAX_WALK_PAGES : settings.sequentialOps;
      measurement = await runSequential(server, scenario.operations(api, tenant), maxOps);
      await emulator.setFaults([]);
      await emulator.setRateLimit(null);
    }
    const counts = await emulator.counts();
    const sent = Math.max(1, measurement.sent);
    return {
      scenario,
      contender,
      outcome: { kind: 'measured', measurement, httpPerOp: counts.http / sent, innerPerOp: counts.counted / sent, throttled: counts.throttled, peakRssMb: peakRssMb(server.pid) },
    };
  } finally {
    await server.stop();
    await redis?.stop();
  }
}
