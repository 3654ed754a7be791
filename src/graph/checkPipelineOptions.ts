import type { GraphPipelineOptions } from './GraphPipelineOptions';
import { MAX_BATCH_SIZE, MAX_RETRIES_LIMIT, MAX_THROTTLE_RETRIES_LIMIT } from './graphDefaults';

function integerIn(name: string, value: number, min: number, max: number, problems: string[]): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`\`${name}\` must be an integer between ${min} and ${max}, but got: ${value}`);
  }
}

/** Refuses impossible options, every problem at once, before anything is opened. */
export function checkPipelineOptions(options: GraphPipelineOptions): void {
  const problems: string[] = [];
  let root: URL | undefined;
  try {
    root = new URL(options.root);
  } catch {
    problems.push(`\`root\` must be an absolute http(s) URL, but got: ${options.root}`);
  }
  if (root && ((root.protocol !== 'https:' && root.protocol !== 'http:') || root.search || root.hash || root.username)) {
    problems.push(`\`root\` must be an http(s) URL without query, fragment or credentials, but got: ${options.root}`);
  }
  integerIn('timeoutMs', options.timeoutMs, 1, 600_000, problems);
  integerIn('batchSize', options.batchSize, 1, MAX_BATCH_SIZE, problems);
  integerIn('maxRetries', options.maxRetries, 0, MAX_RETRIES_LIMIT, problems);
  if (options.maxThrottleRetries !== undefined) integerIn('maxThrottleRetries', options.maxThrottleRetries, 0, MAX_THROTTLE_RETRIES_LIMIT, problems);
  integerIn('maxConcurrentEnvelopes', options.maxConcurrentEnvelopes, 1, 1_000, problems);
  if (options.rateLimit !== null) {
    integerIn('rateLimit.requests', options.rateLimit.requests, 1, 1_000_000, problems);
    integerIn('rateLimit.windowMs', options.rateLimit.windowMs, 1, 86_400_000, problems);
  }
  integerIn('cache.ttlMs', options.cache.ttlMs, 0, 86_400_000, problems);
  integerIn('cache.maxEntries', options.cache.maxEntries, 1, 10_000_000, problems);
  if (options.singleRequest !== 'plain' && options.singleRequest !== 'batch') {
    problems.push(`\`singleRequest\` must be 'plain' or 'batch', but got: ${String(options.singleRequest)}`);
  }
  if (options.backoff) {
    integerIn('backoff.baseMs', options.backoff.baseMs, 0, 600_000, problems);
    integerIn('backoff.capMs', options.backoff.capMs, 0, 600_000, problems);
  }
  if (options.maxResponseBytes !== undefined) integerIn('maxResponseBytes', options.maxResponseBytes, 1, 2 ** 31 - 1, problems);
  if (problems.length > 0) throw new RangeError(`invalid graph pipeline options: ${problems.join('; ')}`);
}
