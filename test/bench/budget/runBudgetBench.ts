import { contenderLabels } from '../contenders/contenderLabels';
import type { ContenderId } from '../contenders/ContenderId';
import type { MeshBuild } from '../contenders/MeshBuild';
import { startContender } from '../contenders/startContender';
import type { EmulatorControl } from '../emulator/EmulatorControl';
import type { Tenant } from '../emulator/Tenant';
import { runSequential } from '../load/runSequential';
import { BUDGET_CONTENDERS, type BudgetScenario, budgetScenarios } from './budgetScenarios';

/** Graph's budget for these reports: 5 requests per 10 s per app and tenant. */
const GRAPH_WINDOW_SECONDS = 10;

/** One operation under the budget, on one cold contender. */
export interface BudgetRow {
  readonly scenario: BudgetScenario;
  readonly contender: ContenderId;
  readonly outcome:
    | { readonly kind: 'measured'; readonly budgeted: number; readonly windows: number; readonly throttled: number; readonly failure: string | null }
    | { readonly kind: 'skipped' | 'broken'; readonly reason: string };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs each budget scenario once per contender, with the emulator enforcing `requests` per `windowSeconds`
 * and the gateway told the same budget (its defaults otherwise, the cache included: each contender starts
 * cold, so nothing is cached). Time is reported in windows: seconds ÷ `windowSeconds`.
 */
export async function runBudgetBench(
  emulator: EmulatorControl,
  tenant: Tenant,
  mesh: MeshBuild,
  window: { readonly requests: number; readonly windowSeconds: number },
  log: (line: string) => void,
): Promise<BudgetRow[]> {
  const rows: BudgetRow[] = [];
  for (const scenario of budgetScenarios) {
    for (const contender of BUDGET_CONTENDERS) {
      const op = scenario.operation(contender === 'naive' ? 'gateway' : contender, tenant);
      if ('skipped' in op) {
        rows.push({ scenario, contender, outcome: { kind: 'skipped', reason: op.skipped } });
        continue;
      }
      let server;
      try {
        server = await startContender(contender, emulator.url, { GRAPH_RATE_LIMIT: `${window.requests}/${window.windowSeconds}s`, GRAPH_CACHE_TTL_SECONDS: null }, mesh);
      } catch (error) {
        rows.push({ scenario, contender, outcome: { kind: 'broken', reason: error instanceof Error ? error.message : String(error) } });
        continue;
      }
      try {
        // A quiet window first: no earlier run's requests may still count upstream.
        await sleep(window.windowSeconds * 1000 + 200);
        await emulator.clear();
        await emulator.setRateLimit(window);
        const measurement = await runSequential(server, { operation: (i) => (i === 0 ? op.request : null), check: op.check }, 1);
        const counts = await emulator.counts();
        await emulator.setRateLimit(null);
        const outcome = { kind: 'measured' as const, budgeted: counts.counted, windows: measurement.seconds / window.windowSeconds, throttled: counts.throttled, failure: measurement.failed > 0 ? (measurement.failure ?? 'failed') : null };
        log(`budget ${scenario.id} / ${contender}: ${outcome.budgeted} budgeted, ${outcome.windows.toFixed(1)} windows, ${outcome.throttled} × 429${outcome.failure ? `, failed: ${outcome.failure}` : ''}`);
        rows.push({ scenario, contender, outcome });
      } finally {
        await server.stop();
      }
    }
  }
  return rows;
}

/** The section's markdown: one row per scenario, a column per contender ("requests / windows"). */
export function renderBudgetSection(rows: readonly BudgetRow[], window: { readonly requests: number; readonly windowSeconds: number }): string {
  const scale = GRAPH_WINDOW_SECONDS / window.windowSeconds;
  const cell = (row: BudgetRow | undefined): string => {
    if (!row) return '—';
    const o = row.outcome;
    if (o.kind !== 'measured') return `— (${o.reason})`;
    const failed = o.failure ? `, **failed** (${o.failure.slice(0, 60)})` : '';
    return `${o.budgeted} / ${o.windows.toFixed(1)}${o.throttled > 0 ? `, ${o.throttled} × 429` : ''}${failed}`;
  };
  const header = `| Operation | ${BUDGET_CONTENDERS.map((c) => contenderLabels[c]).join(' | ')} |`;
  const lines = budgetScenarios.map((s) => `| ${s.title} | ${BUDGET_CONTENDERS.map((c) => cell(rows.find((r) => r.scenario === s && r.contender === c))).join(' | ')} |`);
  return [
    `## Under Graph's budget`,
    '',
    `The emulator enforces ${window.requests} requests per ${window.windowSeconds} s window (every inner \`$batch\` request counting) and the gateway is told the same budget (\`GRAPH_RATE_LIMIT=${window.requests}/${window.windowSeconds}s\`, its other settings at their defaults, cache included; each contender starts cold). Time is scaled ${scale}:1: one window here is ${GRAPH_WINDOW_SECONDS} s on Graph. Each cell: budgeted requests / time in windows (× ${GRAPH_WINDOW_SECONDS} s on Graph), and the 429s the contender provoked.`,
    '',
    header,
    `|---|${BUDGET_CONTENDERS.map(() => '--:').join('|')}|`,
    ...lines,
    '',
  ].join('\n');
}
