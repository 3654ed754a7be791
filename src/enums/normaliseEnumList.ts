import type { GraphEnumName } from '../graph/reports/GraphEnums';
import type { GraphEnumValue } from './GraphEnumValue';
import { normaliseEnumValue } from './normaliseEnumValue';

/**
 * A collection of upstream enum values made safe to return, member by member (see normaliseEnumValue);
 * null elements are dropped because the schema's lists hold non-null members, and a lone value where a
 * collection was expected counts as a one-member collection. A missing collection is null.
 */
export function normaliseEnumList<N extends GraphEnumName>(
  enumName: N,
  raw: unknown,
  onUnknown: (enumName: string, value: string) => void,
): GraphEnumValue<N>[] | null {
  if (raw === null || raw === undefined) return null;
  const items: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  const values: GraphEnumValue<N>[] = [];
  for (const item of items) {
    const value = normaliseEnumValue(enumName, item, onUnknown);
    if (value !== null) values.push(value);
  }
  return values;
}
