import type { GraphRequest } from '../GraphRequest';
import type { GraphResponse } from '../GraphResponse';

/** A request waiting for its answer inside the batching and retry machinery. Settling twice is a no-op. */
export interface PendingRead {
  readonly request: GraphRequest;
  resolve(response: GraphResponse): void;
  reject(error: unknown): void;
}
