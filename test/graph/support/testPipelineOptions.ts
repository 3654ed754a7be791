import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_CACHE_MAX_BYTES,
  DEFAULT_CACHE_MAX_ENTRIES,
  DEFAULT_MAX_CONCURRENT_ENVELOPES,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_SOCKETS_PER_REPORT,
  DEFAULT_MAX_THROTTLE_RETRIES,
  MAX_RESPONSE_BYTES,
  MAX_SOCKETS,
} from '../../../src/config';
import type { GraphPipelineOptions } from '../../../src/graph/types';

/** Defaults for tests: the production ones, except short timeouts and a fast backoff so retries do not dawdle. */
export function testPipelineOptions(root: string, overrides: Partial<GraphPipelineOptions> = {}): GraphPipelineOptions {
  return {
    root,
    timeoutMs: 5_000,
    batchSize: DEFAULT_BATCH_SIZE,
    maxRetries: DEFAULT_MAX_RETRIES,
    maxThrottleRetries: DEFAULT_MAX_THROTTLE_RETRIES,
    maxConcurrentEnvelopes: DEFAULT_MAX_CONCURRENT_ENVELOPES,
    maxSockets: MAX_SOCKETS,
    maxSocketsPerReport: DEFAULT_MAX_SOCKETS_PER_REPORT,
    rateLimit: null,
    cache: { ttlMs: 60_000, staleMs: 0, maxEntries: DEFAULT_CACHE_MAX_ENTRIES, maxBytes: DEFAULT_CACHE_MAX_BYTES },
    redis: null,
    singleRequest: 'plain',
    dedupe: true,
    backoff: { baseMs: 20, capMs: 100 },
    maxResponseBytes: MAX_RESPONSE_BYTES,
    ...overrides,
  };
}
