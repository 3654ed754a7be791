import { BUDGET_SAFETY_MARGIN_MS, FairRateBudget } from './budget';
import { cacheGroup, canonicalKey, MemoryResponseCache, noResponseCache, RedisResponseCache, type ResponseCache, SingleFlight } from './cache';
import { SocketBulkhead } from './bulkhead';
import { GraphRefusedRequestError } from './errors';
import { connectRedis, RedisBreaker } from './redisBreaker';
import { createAgent, HttpFailure, sendHttp } from './http';
import { executeGroup, type PipelineParts, finalError, type PendingRead, takeBudget } from './retry';
import { MemorySlotWindow, RedisSlotWindow, type SlotWindow } from './slotWindow';
import { GraphTransport } from './transport';
import { type Clock, type GraphCallContext, type GraphCallStats, type GraphPipeline, type GraphPipelineOptions, type GraphRequest, type GraphResponse, type Recalled, systemClock, type UpstreamProbe } from './types';
import { resolveGraphUrl } from './urls';

/**
 * Groups requests by version (an envelope is posted to one version's `$batch`) and cuts each group into
 * envelopes of at most `size`, keeping arrival order: 21 reads become 20 + 1.
 */
export function splitIntoEnvelopes<T extends { readonly request: GraphRequest }>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`envelope size must be a positive integer, but got: ${size}`);
  const byVersion = new Map<string, T[]>();
  for (const item of items) {
    const group = byVersion.get(item.request.version) ?? [];
    group.push(item);
    byVersion.set(item.request.version, group);
  }
  const envelopes: T[][] = [];
  for (const group of byVersion.values()) {
    for (let start = 0; start < group.length; start += size) envelopes.push(group.slice(start, start + size));
  }
  return envelopes;
}

/** The read path's parts: the pipeline's, plus what stale-while-revalidate needs. */
interface ReadParts extends PipelineParts {
  /** Past this age a cached answer is stale: served, and refreshed. */
  readonly ttlMs: number;
  /** Keys whose refresh is under way, so a stale entry read by many operations is refreshed once. */
  readonly refreshing: Set<string>;
  readonly refreshTimeoutMs: number;
}

interface Leader {
  readonly key: string;
  readonly flight: Promise<GraphResponse>;
  readonly pending: PendingRead;
  /** Answers from the cache: no cache write, so a hit never extends its entry's TTL. */
  hit(response: GraphResponse): void;
}

function lead(key: string, request: GraphRequest, parts: ReadParts): Leader {
  let settle!: { resolve: (response: GraphResponse) => void; reject: (error: unknown) => void };
  const flight = new Promise<GraphResponse>((resolve, reject) => (settle = { resolve, reject }));
  const since = parts.clock.now();
  parts.singleFlight.start(key, flight);
  const pending: PendingRead = {
    request,
    resolve: (response) => {
      settle.resolve(response);
      // Only 2xx reads get here; the flight ends once the cache can answer in its place.
      const stored = request.fresh ? Promise.resolve() : parts.cache.set(key, response, since);
      void stored.finally(() => parts.singleFlight.finish(key, flight));
    },
    reject: (error) => {
      settle.reject(error);
      parts.singleFlight.finish(key, flight);
    },
  };
  const hit = (response: GraphResponse): void => {
    settle.resolve(response);
    parts.singleFlight.finish(key, flight);
  };
  return { key, flight, pending, hit };
}

/** Counts a cache answer of `ageMs` in the operation's stats: the oldest age served is what a client sees. */
function noteCacheAge(stats: GraphCallStats, ageMs: number, stale: boolean): void {
  stats.cacheHits += 1;
  if (stale) stats.staleHits += 1;
  stats.cacheAgeMs = Math.max(stats.cacheAgeMs ?? 0, Math.max(0, ageMs));
}

/**
 * Stale-while-revalidate: reads served stale are read again upstream, one refresh per key at a time
 * (`parts.refreshing`), in envelopes like any read and within the budget, under the operation that found
 * them stale. Their answers replace the entries; a failed refresh leaves the stale entry to expire.
 */
function refresh(stale: readonly { key: string; request: GraphRequest }[], parts: ReadParts, context: GraphCallContext): void {
  const due = stale.filter(({ key }) => !parts.refreshing.has(key));
  if (due.length === 0) return;
  const since = parts.clock.now();
  const reads: PendingRead[] = due.map(({ key, request }) => {
    parts.refreshing.add(key);
    const done = (): void => void parts.refreshing.delete(key);
    return {
      request,
      resolve: (response) => void parts.cache.set(key, response, since).finally(done),
      reject: done,
    };
  });
  // The operation may answer before the refresh does: give the refresh its own deadline.
  const detached: GraphCallContext = { ...context, deadline: Math.max(context.deadline, since + parts.refreshTimeoutMs) };
  for (const group of splitIntoEnvelopes(reads, parts.envelopeSize)) {
    executeGroup(group, parts, detached).catch(() => group.forEach((read) => read.reject(undefined)));
  }
}

async function fetchMisses(leaders: readonly Leader[], parts: ReadParts, context: GraphCallContext): Promise<void> {
  const cached = await Promise.all(leaders.map((leader) => (leader.pending.request.fresh ? undefined : parts.cache.get(leader.key))));
  const misses: PendingRead[] = [];
  const stale: { key: string; request: GraphRequest }[] = [];
  const now = parts.clock.now();
  leaders.forEach((leader, index) => {
    const hit = cached[index];
    // A fresh read skips the cache: it is no lookup, neither hit nor miss.
    if (!leader.pending.request.fresh) parts.log({ type: 'cache', result: hit === undefined ? 'miss' : 'hit' });
    if (hit === undefined) return misses.push(leader.pending);
    const ageMs = now - hit.storedAt;
    noteCacheAge(context.stats, ageMs, ageMs > parts.ttlMs);
    if (ageMs > parts.ttlMs) stale.push({ key: leader.key, request: leader.pending.request });
    leader.hit(hit.response);
  });
  refresh(stale, parts, context);
  await Promise.all(splitIntoEnvelopes(misses, parts.envelopeSize).map((group) => executeGroup(group, parts, context)));
}

/**
 * The read path of one DataLoader batch: URL allowlist → single-flight → response cache → `$batch`
 * envelopes → retries and budget. Returns one promise per request, in order, each settling as soon as its
 * own envelope answers (not when the slowest envelope of the batch does).
 */
export function readThrough(requests: readonly GraphRequest[], parts: ReadParts, context: GraphCallContext): Promise<GraphResponse>[] {
  const leaders: Leader[] = [];
  const answers = requests.map((request) => {
    try {
      if (request.method !== 'GET') throw new GraphRefusedRequestError(`reads must use GET, but got: ${request.method}`);
      resolveGraphUrl(parts.root, request);
    } catch (error) {
      return Promise.reject(error);
    }
    const key = canonicalKey(request, context.principal);
    const joined = parts.singleFlight.join(key);
    if (joined !== undefined) {
      context.stats.singleFlightJoins += 1;
      parts.log({ type: 'cache', result: 'join' });
      return joined;
    }
    const leader = lead(key, request, parts);
    leaders.push(leader);
    return leader.flight;
  });
  if (leaders.length > 0) {
    fetchMisses(leaders, parts, context).catch((error: unknown) => {
      for (const leader of leaders) leader.pending.reject(error);
    });
  }
  // Callers attach their handlers a few microtasks later (through DataLoader); do not report them as unhandled.
  for (const answer of answers) answer.catch(() => undefined);
  return answers;
}

/** The naive read (`dedupe: false`): one plain call per load, still retried and budgeted, nothing shared. */
export function readOnce(request: GraphRequest, parts: PipelineParts, context: GraphCallContext): Promise<GraphResponse> {
  return new Promise<GraphResponse>((resolve, reject) => {
    if (request.method !== 'GET') throw new GraphRefusedRequestError(`reads must use GET, but got: ${request.method}`);
    resolveGraphUrl(parts.root, request);
    void executeGroup([{ request, resolve, reject }], { ...parts, singleRequest: 'plain' }, context);
  });
}

/**
 * A create: budgeted, sent once, never retried (a timed-out POST may have created the document already),
 * never cached, never in an envelope with reads.
 */
export async function createOnce(request: GraphRequest, parts: PipelineParts, context: GraphCallContext): Promise<GraphResponse> {
  if (request.method !== 'POST') throw new GraphRefusedRequestError(`creates must use POST, but got: ${request.method}`);
  resolveGraphUrl(parts.root, request);
  const outcome = await context.limiter.run(async () => {
    const grant = await takeBudget(parts, context, 1);
    return parts.transport.sendPlain(request, context, 1).finally(() => grant.settle());
  });
  if (outcome.kind === 'ok') {
    // Read your writes: the caller's cached lists of this collection would now miss the new row.
    await parts.cache.dropGroup(cacheGroup(canonicalKey({ ...request, method: 'GET' }, context.principal)));
    return outcome.response;
  }
  if (outcome.kind === 'failed') throw outcome.error;
  throw finalError(request, outcome, 'notRetried', outcome.retryAfterMs ?? 0, 1);
}

/** Largest answer a probe reads: it only needs the status line. */
const PROBE_MAX_BYTES = 64 * 1024;

/** `GET {root}/v1.0/` without a token: any HTTP answer proves the upstream reachable. */
async function probe(root: URL, agent: ReturnType<typeof createAgent>, timeoutMs: number): Promise<UpstreamProbe> {
  try {
    const { status } = await sendHttp({
      method: 'GET', url: new URL('v1.0/', root), headers: { accept: 'application/json' }, agent, signal: AbortSignal.timeout(timeoutMs), maxBytes: PROBE_MAX_BYTES,
    });
    return { reachable: true, status };
  } catch (error) {
    // An answer too large to read is still an answer.
    if (error instanceof HttpFailure) return error.failure === 'tooLarge' ? { reachable: true, status: 0 } : { reachable: false, failure: error.failure };
    throw error;
  }
}

/**
 * The cache key of a value derived from reads of `path`: the principal first and the path as a read's key
 * has it, so principals never share it and a create on the path drops it (`cacheGroup`).
 */
function derivedKey(path: string, name: string, principal: string): string {
  return `${principal}\nDERIVED ${path}?${name}`;
}

/** A derived value from the cache, counted in the operation's stats as a cached read is. */
async function recall(key: string, parts: ReadParts, stats: GraphCallStats): Promise<Recalled | undefined> {
  const hit = await parts.cache.get(key);
  if (hit === undefined) return undefined;
  const ageMs = Math.max(0, parts.clock.now() - hit.storedAt);
  const stale = ageMs > parts.ttlMs;
  noteCacheAge(stats, ageMs, stale);
  return { value: hit.response.body, ageMs, stale };
}

/**
 * Builds the process-wide Graph pipeline. Every read passes these stages, in this order:
 *
 *   1. URL allowlist        resolveGraphUrl: only {root}/beta/... and {root}/v1.0/...
 *   2. per-operation dedupe  DataLoader in createUpstream (one tick's loads, one key each)
 *   3. single-flight         identical reads of concurrent operations share one call
 *   4. response cache        2xx GETs, per principal, TTL then stale-while-revalidate (memory LRU in bytes, or Redis
 *                            behind a breaker)
 *   5. envelopes             by version, at most min(batchSize, budget window) per `$batch`
 *   6. retry loop            429/503/504/timeouts, Retry-After first, deadline-aware
 *   7. concurrency           at most maxConcurrentEnvelopes in flight per operation
 *   8. rate budget           a slot per inner request, per tenant (memory, or Redis behind a breaker), shared
 *                            fairly between callers; an envelope leaves partly when only part of it fits
 *   9. headers and timeout   token, client-request-id, Prefer, per-attempt timeout cut at the deadline
 *  10. HTTP                  keep-alive agent, at most maxSocketsPerReport sockets per report, size cap, gzip
 *
 * Creates (`create`) skip 2-6: they are sent once, and a success drops the caller's cached reads of that
 * collection. Reads marked `fresh` (the read planner's, cached by it as derived rows) skip 4.
 */
export async function createGraphPipeline(
  options: GraphPipelineOptions,
  internals: { readonly clock?: Clock; readonly random?: () => number } = {},
): Promise<GraphPipeline> {
  const clock = internals.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const root = new URL(options.root);
  // One breaker for budget and cache: they share the connection, so they are down together.
  const breaker = options.redis ? new RedisBreaker(await connectRedis(options.redis), options.redis.retryMs, clock, log) : undefined;
  const redis = breaker?.redis;
  const agent = createAgent(root, options.maxSockets);

  const transport = new GraphTransport({
    root, agent, bulkhead: new SocketBulkhead(options.maxSocketsPerReport), timeoutMs: options.timeoutMs, maxResponseBytes: options.maxResponseBytes, clock, log,
  });
  // Without a budget the window only holds the tenant back while Graph throttles it (429 with Retry-After).
  const limit = options.rateLimit?.requests ?? Number.POSITIVE_INFINITY;
  const windowMs = (options.rateLimit?.windowMs ?? 1_000) + BUDGET_SAFETY_MARGIN_MS;
  // A slot is held at most as long as an attempt may last before its answer stamps it.
  const localWindow = new MemorySlotWindow(limit, windowMs, options.timeoutMs, clock);
  const window: SlotWindow = breaker && options.rateLimit ? new RedisSlotWindow(breaker, limit, windowMs, options.timeoutMs, clock, localWindow) : localWindow;
  const budget = new FairRateBudget(limit, window, clock, windowMs);
  let cache: ResponseCache = noResponseCache;
  if (options.cache.ttlMs > 0) {
    const lifetime = { ttlMs: options.cache.ttlMs, staleMs: options.cache.staleMs };
    const now = (): number => clock.now();
    const local = new MemoryResponseCache(lifetime, { maxEntries: options.cache.maxEntries, maxBytes: options.cache.maxBytes }, now);
    cache = breaker ? new RedisResponseCache(breaker, lifetime, local, now) : local;
  }
  const parts: ReadParts = {
    root,
    cache,
    singleFlight: new SingleFlight<GraphResponse>(),
    ttlMs: options.cache.ttlMs,
    refreshing: new Set<string>(),
    refreshTimeoutMs: options.timeoutMs,
    envelopeSize: Math.min(options.batchSize, budget.maxSlots),
    transport,
    budget,
    clock,
    random: internals.random ?? Math.random,
    maxRetries: options.maxRetries,
    maxThrottleRetries: options.maxThrottleRetries,
    backoff: options.backoff,
    singleRequest: options.singleRequest,
    log,
  };

  return {
    options: Object.freeze({ ...options }),
    readMany: (requests, context) => readThrough(requests, parts, context),
    readOnce: (request, context) => readOnce(request, parts, context),
    create: (request, context) => createOnce(request, parts, context),
    probe: (timeoutMs) => probe(root, agent, timeoutMs),
    recall: (path, name, context) => recall(derivedKey(path, name, context.principal), parts, context.stats),
    remember: (path, name, value, context, since) => cache.set(derivedKey(path, name, context.principal), { status: 200, body: value }, since),
    close: async () => {
      agent.destroy();
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}
