import type { MeasuredOutcome } from './measuredOf';
import { formatNumber } from './formatNumber';

/** ops/s of `row` over ops/s of `other`, or why there is no ratio. */
export function ratioCell(row: MeasuredOutcome, other: MeasuredOutcome | null, otherName: string): string {
  if (other === null) return '—';
  if (other.measurement.failed >= other.measurement.ops && other.measurement.ops > 0) return `${otherName} failed`;
  if (other.measurement.opsPerSecond === 0) return '—';
  return `${formatNumber(row.measurement.opsPerSecond / other.measurement.opsPerSecond, 2)}×`;
}
