import { DEFAULT_MAX_THROTTLE_RETRIES, MAX_RESPONSE_BYTES, MAX_SOCKETS } from '../../../src/config';
import type { GraphPipelineOptions } from '../../../src/graph/types';

/** Defaults for tests: the production ones, except short timeouts and a fast backoff so retries do not dawdle. */
export function testPipelineOptions(root: string, overrides: Partial<GraphPipelineOptions> = {}): GraphPipelineOptions {
  return {
    root,
    timeoutMs: 5_000,
    batchSize: 20,
    maxRetries: 3,
    maxThrottleRetries: DEFAULT_MAX_THROTTLE_RETRIES,
    maxConcurrentEnvelopes: 4,
    maxSockets: MAX_SOCKETS,
    maxSocketsPerReport: 16,
    rateLimit: null,
    cache: { ttlMs: 60_000, staleMs: 0, maxEntries: 1_000, maxBytes: 64 * 1024 * 1024 },
    redis: null,
    singleRequest: 'plain',
    dedupe: true,
    backoff: { baseMs: 20, capMs: 100 },
    maxResponseBytes: MAX_RESPONSE_BYTES,
    ...overrides,
  };
}
