import type { GraphPipelineOptions } from '../../../src/graph/types';

/** Defaults for tests: the production ones, except short timeouts and a fast backoff so retries do not dawdle. */
export function testPipelineOptions(root: string, overrides: Partial<GraphPipelineOptions> = {}): GraphPipelineOptions {
  return {
    root,
    timeoutMs: 5_000,
    batchSize: 20,
    maxRetries: 3,
    maxConcurrentEnvelopes: 4,
    rateLimit: null,
    cache: { ttlMs: 60_000, maxEntries: 1_000 },
    singleRequest: 'plain',
    dedupe: true,
    backoff: { baseMs: 20, capMs: 100 },
    ...overrides,
  };
}
