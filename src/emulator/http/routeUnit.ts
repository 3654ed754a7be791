import type { EmulatorState } from '../EmulatorState';
import { routeContext } from './routeContext';
import { GraphError } from './GraphError';
import type { UnitRequest } from './UnitRequest';
import type { UnitResponse } from './UnitResponse';
import { matchRoute } from '../routing/matchRoute';

/** Routes a request to its handler; a path without a known version answers 400 as Graph does. */
export function routeUnit(state: EmulatorState, unit: UnitRequest): UnitResponse {
  if (unit.version === null) {
    throw new GraphError(400, 'BadRequest', `The path must start with a version, /beta or /v1.0, but got: ${unit.path.slice(0, 80)}`);
  }
  if (unit.malformedBody) throw new GraphError(400, 'BadRequest', 'The request body is not valid JSON.');
  const match = matchRoute(unit.method, unit.version, unit.segments);
  return match.handler(routeContext(state, unit, unit.version, match.args, match.key));
}
