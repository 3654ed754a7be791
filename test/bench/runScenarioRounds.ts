import type { ContenderId } from './contenders/ContenderId';
import type { ResultRow } from './report/ResultRow';
import { runScenario } from './runScenario';
import type { Scenario } from './scenarios/Scenario';

type Context = Parameters<typeof runScenario>[2];

const opsPerSecond = (row: ResultRow): number => (row.outcome.kind === 'measured' ? row.outcome.measurement.opsPerSecond : -1);

/**
 * Every contender of a scenario. Throughput scenarios run `rounds` times, contenders interleaved, and
 * keep each contender's best run whole (its latency, upstream counts and RSS come from that same run):
 * other processes share this machine, and a burst of theirs should not decide a ratio.
 */
export async function runScenarioRounds(scenario: Scenario, context: Context, rounds: number, onRow: (row: ResultRow) => void): Promise<ResultRow[]> {
  const contenders = (['gateway', 'naive', 'rest', 'mesh'] as const).filter((id) => scenario.contenders.includes(id) || scenario.skipped?.[id] !== undefined);
  const best = new Map<ContenderId, ResultRow>();
  for (let round = 0; round < (scenario.mode === 'throughput' ? rounds : 1); round++) {
    for (const contender of contenders) {
      const previous = best.get(contender);
      if (previous !== undefined && previous.outcome.kind !== 'measured') continue;
      const row = await runScenario(scenario, contender, context);
      onRow(row);
      if (previous === undefined || opsPerSecond(row) > opsPerSecond(previous)) best.set(contender, row);
    }
  }
  return contenders.map((id) => best.get(id)!);
}
