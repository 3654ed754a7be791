import type { UnitResponse } from '../http/UnitResponse';
import type { HandlerContext } from './HandlerContext';

/** A JSON answer; notes in `Preference-Applied` that evolvable enum members were included. */
export function jsonResponse(context: HandlerContext, status: number, body: unknown, headers: Record<string, string> = {}): UnitResponse {
  const applied: Record<string, string> = context.includeUnknown ? { 'preference-applied': 'include-unknown-enum-members' } : {};
  return { status, headers: { ...applied, ...headers }, body };
}
