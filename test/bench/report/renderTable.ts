import { contenderLabels } from '../contenders/contenderLabels';
import { formatNumber } from './formatNumber';
import { measuredOf } from './measuredOf';
import { ratioCell } from './ratioCell';
import type { ResultRow } from './ResultRow';

const HEADER = [
  '| Scenario | Contender | Run | ops/s | p50 ms | p99 ms | upstream HTTP/op | inner/op | failed ops | peak RSS MB | ÷ plain REST | ÷ Mesh |',
  '|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
];

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The results as one Markdown table, a scenario's rows together, its title on the first. */
export function renderTable(rows: readonly ResultRow[], connections: number): string[] {
  const lines = [...HEADER];
  let lastScenario = '';
  for (const row of rows) {
    const title = row.scenario.id === lastScenario ? '' : row.scenario.title;
    lastScenario = row.scenario.id;
    const name = contenderLabels[row.contender];
    const { outcome } = row;
    if (outcome.kind !== 'measured') {
      const why = outcome.kind === 'skipped' ? outcome.reason : `could not run: ${outcome.reason}`;
      lines.push(`| ${cell(title)} | ${name} | ${cell(why)} | — | — | — | — | — | — | — | — | — |`);
      continue;
    }
    const m = outcome.measurement;
    const run = row.scenario.mode === 'throughput' ? `${formatNumber(m.seconds)} s × ${connections} conn, ${m.ops} ops` : `${m.ops} ops in sequence, ${formatNumber(m.seconds)} s${outcome.throttled > 0 ? `, ${outcome.throttled} × 429` : ''}`;
    const isGateway = row.contender === 'gateway' || row.contender === 'naive';
    const vsRest = isGateway ? ratioCell(outcome, measuredOf(rows, row.scenario.id, 'rest'), 'REST') : '';
    const vsMesh = isGateway ? ratioCell(outcome, measuredOf(rows, row.scenario.id, 'mesh'), 'Mesh') : '';
    lines.push(
      `| ${cell(title)} | ${name} | ${run} | ${formatNumber(m.opsPerSecond)} | ${formatNumber(m.p50Ms)} | ${formatNumber(m.p99Ms)} | ${formatNumber(outcome.httpPerOp, 2)} | ${formatNumber(outcome.innerPerOp, 2)} | ${m.failed} | ${formatNumber(outcome.peakRssMb, 0)} | ${vsRest} | ${vsMesh} |`,
    );
  }
  return lines;
}
