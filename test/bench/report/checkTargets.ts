import { formatNumber } from './formatNumber';
import { measuredOf } from './measuredOf';
import type { ResultRow } from './ResultRow';

/** In-flight noise allowed on a per-operation count measured under load. */
const TOLERANCE = 0.02;
const LIST_THROUGHPUT_SHARE = 2 / 3;

/** The gateway's targets (README: Benchmarks), each met or missed by what was measured. */
export function checkTargets(rows: readonly ResultRow[]): string[] {
  const mark = (ok: boolean): string => (ok ? '✅ met' : '❌ missed');
  const lines: string[] = [];
  const minimums = rows.filter((row) => row.contender === 'gateway' && row.scenario.minimumHttpPerOp !== undefined);
  const parts = minimums.map((row) => {
    const gateway = measuredOf(rows, row.scenario.id, 'gateway');
    const minimum = row.scenario.minimumHttpPerOp ?? 0;
    const ok = gateway !== null && gateway.httpPerOp <= minimum + TOLERANCE && gateway.measurement.failed === 0;
    return { ok, text: `${row.scenario.id} ${formatNumber(gateway?.httpPerOp, 2)} (minimum ${minimum})` };
  });
  lines.push(`- Upstream HTTP requests per operation at the minimum (1 + ⌈N/20⌉ with a link): ${mark(parts.every((p) => p.ok))} — ${parts.map((p) => p.text).join('; ')}`);
  const gateway = measuredOf(rows, 'first-page', 'gateway');
  const rest = measuredOf(rows, 'first-page', 'rest');
  const share = gateway && rest ? gateway.measurement.opsPerSecond / rest.measurement.opsPerSecond : 0;
  lines.push(`- List-query throughput at least 2/3 of plain REST: ${mark(share >= LIST_THROUGHPUT_SHARE)} — first page ${formatNumber(share, 2)}× plain REST`);
  const meshWins = [...new Set(rows.map((row) => row.scenario.id))].flatMap((id) => {
    const mesh = measuredOf(rows, id, 'mesh');
    const ours = measuredOf(rows, id, 'gateway');
    if (mesh === null || mesh.measurement.failed > 0 || mesh.measurement.ops === 0) return [];
    if (ours === null || ours.measurement.failed > 0) return [`${id}: the gateway failed`];
    return ours.measurement.opsPerSecond < mesh.measurement.opsPerSecond ? [`${id}: the gateway is slower`] : [];
  });
  lines.push(`- No scenario where Mesh succeeds and the gateway fails or is slower: ${mark(meshWins.length === 0)}${meshWins.length ? ` — ${meshWins.join('; ')}` : ''}`);
  const throttled = ['throttled-budget', 'throttled'].flatMap((id) => {
    const outcome = measuredOf(rows, id, 'gateway');
    return outcome ? [{ id, ok: outcome.measurement.failed === 0, text: `${id} ${outcome.measurement.failed} of ${outcome.measurement.ops} failed` }] : [];
  });
  lines.push(`- Zero failed operations when throttled: ${mark(throttled.length > 0 && throttled.every((t) => t.ok))} — ${throttled.map((t) => t.text).join('; ') || 'not measured'}`);
  return lines;
}
