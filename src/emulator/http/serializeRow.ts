import type { EntityDef } from '../schema/EntityDef';
import { graphEnums } from '../schema/graphEnums';
import type { PropertyDef } from '../schema/PropertyDef';

/** How a row is to be served to one request. */
interface ServeOptions {
  readonly version: 'beta' | 'v1.0';
  /** The caller sent `Prefer: include-unknown-enum-members`. */
  readonly includeUnknown: boolean;
  /** `$select`ed property names, or all. */
  readonly select: readonly string[] | null;
}

/** Evolvable members (declared after `unknownFutureValue`) become `unknownFutureValue`; others pass. */
function hideEvolvable(value: unknown, def: PropertyDef): unknown {
  if (def.enumName === undefined) return value;
  const members: readonly string[] = graphEnums[def.enumName];
  const sentinel = members.indexOf('unknownFutureValue');
  const hide = (item: unknown): unknown => (typeof item === 'string' && members.indexOf(item) > sentinel ? 'unknownFutureValue' : item);
  return Array.isArray(value) ? value.map(hide) : hide(value);
}

/**
 * A stored row as one request sees it: beta-only properties dropped on v1.0, `$select` applied, and
 * evolvable enum members hidden unless asked for. Values outside the enum are served as stored.
 */
export function serializeRow(row: object, entity: EntityDef, options: ServeOptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    const def = entity.properties[name];
    if (def?.betaOnly && options.version !== 'beta') continue;
    if (options.select !== null && !options.select.includes(name)) continue;
    out[name] = def !== undefined && !options.includeUnknown ? hideEvolvable(value, def) : value;
  }
  return out;
}
