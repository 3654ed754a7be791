import Redis from 'ioredis';
import { GraphTransport } from './attempt/GraphTransport';
import type { ExecutionParts } from './batch/ExecutionParts';
import { MemoryRateBudget } from './budget/MemoryRateBudget';
import type { RateBudget } from './budget/RateBudget';
import { RedisRateBudget } from './budget/RedisRateBudget';
import { unlimitedBudget } from './budget/unlimitedBudget';
import { MemoryResponseCache } from './cache/MemoryResponseCache';
import { noResponseCache } from './cache/noResponseCache';
import type { ResponseCache } from './cache/ResponseCache';
import { RedisResponseCache } from './cache/RedisResponseCache';
import { checkPipelineOptions } from './checkPipelineOptions';
import type { Clock } from './Clock';
import { createOnce } from './createOnce';
import type { GraphPipeline } from './GraphPipeline';
import type { GraphPipelineOptions } from './GraphPipelineOptions';
import type { GraphResponse } from './GraphResponse';
import { BUDGET_SAFETY_MARGIN_MS, DEFAULT_BACKOFF_BASE_MS, DEFAULT_MAX_THROTTLE_RETRIES, DEFAULT_BACKOFF_CAP_MS, DEFAULT_MAX_SOCKETS, MAX_RESPONSE_BYTES } from './graphDefaults';
import { createAgent } from './http/createAgent';
import { readOnce } from './readOnce';
import { readThrough } from './readThrough';
import type { ReadThroughParts } from './ReadThroughParts';
import { SingleFlight } from './SingleFlight';
import { systemClock } from './systemClock';

async function connectRedis(url: string): Promise<Redis> {
  // Fail at start-up, not on the first read, and never queue commands forever while Redis is away.
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5_000 });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    const where = new URL(url);
    throw new Error(`cache.redisUrl must point at a reachable Redis, but ${where.host} did not answer`, { cause: error });
  }
  return redis;
}

/**
 * Builds the process-wide Graph pipeline. Every read passes these stages, in this order:
 *
 *   1. URL allowlist        resolveGraphUrl: only {root}/beta/... and {root}/v1.0/...
 *   2. per-operation dedupe  DataLoader in createUpstream (one tick's loads, one key each)
 *   3. single-flight         identical reads of concurrent operations share one call
 *   4. response cache        2xx GETs, per principal, TTL (memory LRU, or Redis)
 *   5. envelopes             by version, at most min(batchSize, budget window) per `$batch`
 *   6. retry loop            429/503/504/timeouts, Retry-After first, deadline-aware
 *   7. concurrency           at most maxConcurrentEnvelopes in flight per operation
 *   8. rate budget           a slot per inner request, FIFO, per tenant (memory, or Redis)
 *   9. headers and timeout   token, client-request-id, Prefer, per-attempt timeout cut at the deadline
 *  10. HTTP                  keep-alive agent, response size cap, gzip
 *
 * Creates (`create`) skip 2-6: they are sent once.
 */
export async function createGraphPipeline(
  options: GraphPipelineOptions,
  internals: { readonly clock?: Clock; readonly random?: () => number } = {},
): Promise<GraphPipeline> {
  checkPipelineOptions(options);
  const clock = internals.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const root = new URL(options.root);
  const redis = options.cache.redisUrl ? await connectRedis(options.cache.redisUrl) : undefined;
  const agent = createAgent(root, DEFAULT_MAX_SOCKETS);

  const transport = new GraphTransport({
    root, agent, timeoutMs: options.timeoutMs, maxResponseBytes: options.maxResponseBytes ?? MAX_RESPONSE_BYTES, clock, log,
  });
  let budget: RateBudget = unlimitedBudget;
  if (options.rateLimit) {
    const windowMs = options.rateLimit.windowMs + BUDGET_SAFETY_MARGIN_MS;
    const local = new MemoryRateBudget(options.rateLimit.requests, windowMs, clock);
    budget = redis ? new RedisRateBudget(redis, options.rateLimit.requests, windowMs, clock, local, log) : local;
  }
  let cache: ResponseCache = noResponseCache;
  if (options.cache.ttlMs > 0) {
    cache = redis ? new RedisResponseCache(redis, options.cache.ttlMs, log) : new MemoryResponseCache(options.cache.ttlMs, options.cache.maxEntries);
  }
  const execution: ExecutionParts = {
    transport,
    budget,
    clock,
    random: internals.random ?? Math.random,
    maxRetries: options.maxRetries,
    maxThrottleRetries: options.maxThrottleRetries ?? DEFAULT_MAX_THROTTLE_RETRIES,
    backoff: options.backoff ?? { baseMs: DEFAULT_BACKOFF_BASE_MS, capMs: DEFAULT_BACKOFF_CAP_MS },
    singleRequest: options.singleRequest,
    log,
  };
  const reads: ReadThroughParts = {
    ...execution,
    root,
    cache,
    singleFlight: new SingleFlight<GraphResponse>(),
    envelopeSize: Math.min(options.batchSize, budget.maxSlots),
  };

  return {
    options: Object.freeze({ ...options }),
    readMany: (requests, context) => readThrough(requests, reads, context),
    readOnce: (request, context) => readOnce(request, root, execution, context),
    create: (request, context) => createOnce(request, root, execution, context),
    close: async () => {
      agent.destroy();
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
