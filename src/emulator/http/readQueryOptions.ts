import { GraphError } from './GraphError';
import type { UnitRequest } from './UnitRequest';

/** OData system query options Graph knows; any other `$name` is a syntax error, not just unsupported. */
const SYSTEM_OPTIONS = [
  '$filter', '$orderby', '$top', '$skip', '$select', '$skiptoken', '$count', '$search', '$expand', '$format',
  '$apply', '$compute', '$levels', '$deltatoken',
];

/**
 * The system query options of a request, by lower-case name, after checking each is one this endpoint
 * accepts. Names are matched ignoring case, and on beta the `$` is optional, as Graph documents; other
 * custom parameters are ignored.
 */
export function readQueryOptions(unit: UnitRequest, allowed: readonly string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (const [name, value] of unit.queryPairs) {
    let option = name.toLowerCase();
    if (!option.startsWith('$')) {
      if (unit.version !== 'beta' || !SYSTEM_OPTIONS.includes(`$${option}`)) continue;
      option = `$${option}`;
    }
    if (!SYSTEM_OPTIONS.includes(option)) {
      throw new GraphError(400, 'BadRequest', `'${name}' is not an OData system query option.`);
    }
    if (!allowed.includes(option)) {
      const accepted = allowed.length === 0 ? 'none' : allowed.join(', ');
      throw new GraphError(400, 'Request_UnsupportedQuery', `The query option '${name}' is not supported here; accepted: ${accepted}.`);
    }
    if (options.has(option)) throw new GraphError(400, 'BadRequest', `The query option '${name}' appears more than once.`);
    options.set(option, value);
  }
  return options;
}
