import type { EmulatorState } from '../EmulatorState';
import type { UnitRequest } from '../http/UnitRequest';

/** What a route handler gets: the shared state, the request, and what the router read from the path. */
export interface HandlerContext {
  readonly state: EmulatorState;
  readonly unit: UnitRequest;
  readonly version: 'beta' | 'v1.0';
  /** Parameters of a function segment (`period='D30'` → `{ period: 'D30' }`); null when not called with parentheses. */
  readonly args: Readonly<Record<string, string>> | null;
  /** The key of an addressed entity (`/{id}` or `('{id}')`). */
  readonly key: string | null;
  /** The caller sent `Prefer: include-unknown-enum-members`. */
  readonly includeUnknown: boolean;
}
