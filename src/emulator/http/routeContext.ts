import type { EmulatorState } from '../EmulatorState';
import type { HandlerContext } from '../handlers/HandlerContext';
import { prefersUnknownEnumMembers } from './prefersUnknownEnumMembers';
import type { UnitRequest } from './UnitRequest';

/** The context a handler runs with. */
export function routeContext(
  state: EmulatorState,
  unit: UnitRequest,
  version: 'beta' | 'v1.0',
  args: Readonly<Record<string, string>> | null,
  key: string | null,
): HandlerContext {
  return { state, unit, version, args, key, includeUnknown: prefersUnknownEnumMembers(unit.headers) };
}
