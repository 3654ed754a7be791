import { GraphEnums, type GraphEnumName } from '../graph/reports/GraphEnums';
import type { GraphEnumValue } from './GraphEnumValue';

const UNKNOWN_FUTURE_VALUE = 'unknownFutureValue';

/**
 * An upstream enum value made safe to return: a member of the Graph enum stays as it is; anything else
 * (a member newer than this gateway, a typo, a non-string) becomes `unknownFutureValue` and is reported to
 * `onUnknown`, so an evolving upstream never fails a query. null and undefined stay null.
 */
export function normaliseEnumValue<N extends GraphEnumName>(
  enumName: N,
  raw: unknown,
  onUnknown: (enumName: string, value: string) => void,
): GraphEnumValue<N> | null {
  if (raw === null || raw === undefined) return null;
  const members: readonly string[] = GraphEnums[enumName];
  if (typeof raw === 'string' && members.includes(raw)) return raw as GraphEnumValue<N>;
  onUnknown(enumName, typeof raw === 'string' ? raw : JSON.stringify(raw));
  return UNKNOWN_FUTURE_VALUE as GraphEnumValue<N>;
}
