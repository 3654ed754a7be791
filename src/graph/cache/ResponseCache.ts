import type { GraphResponse } from '../GraphResponse';

/**
 * 2xx GET answers shared across operations, keyed by `canonicalKey` (principal included). Never throws:
 * a cache that fails is a miss, not a failed read.
 */
export interface ResponseCache {
  get(key: string): Promise<GraphResponse | undefined>;
  set(key: string, response: GraphResponse): Promise<void>;
}
