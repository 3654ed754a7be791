import type { ContenderId } from '../contenders/ContenderId';
import type { ResultRow } from './ResultRow';

export type MeasuredOutcome = Extract<ResultRow['outcome'], { kind: 'measured' }>;

/** The measured outcome of `contender` in `scenarioId`, if it ran. */
export function measuredOf(rows: readonly ResultRow[], scenarioId: string, contender: ContenderId): MeasuredOutcome | null {
  const row = rows.find((r) => r.scenario.id === scenarioId && r.contender === contender);
  return row?.outcome.kind === 'measured' ? row.outcome : null;
}
