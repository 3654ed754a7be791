import type { Context as TraceContext } from '@opentelemetry/api';
import type { RedisSettings } from './redisBreaker';
import type { ConcurrencyLimiter } from './retry';

/** The two Graph versions the gateway reads; a `$batch` envelope carries inner requests of one version only. */
export type GraphVersion = 'beta' | 'v1.0';

/**
 * One upstream call, as the graph layer sends it. Built only by `src/graph/odata` (from typed descriptors)
 * or from a validated cursor, never from client text.
 */
export interface GraphRequest {
  readonly method: 'GET' | 'POST';
  readonly version: GraphVersion;
  /** Relative to the version root, starting with `/`, already percent-encoded: `/reports/x?$filter=...`. */
  readonly url: string;
  readonly body?: unknown;
  /**
   * Read past the response cache (neither answered from it nor written to it): for reads whose rows are
   * cached by the caller in another shape (the read planner's scans and coalesced chunks), so one answer
   * is not kept twice and a refresh is never answered by the entry it refreshes.
   */
  readonly fresh?: boolean;
}

/** A successful upstream answer (2xx), whether it came from a plain call or from inside a `$batch`. */
export interface GraphResponse {
  readonly status: number;
  readonly body: unknown;
  /** Graph's `request-id`, for logs and error reports. */
  readonly requestId?: string;
}

/** Time as the pipeline sees it; injected so budget and retry tests run on a fake clock. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts (so a sleep cut short leaves no timer behind). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms));
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    }),
};

/** One upstream call (a socket call or an inner `$batch` request) as an operation's log line lists it. */
export interface GraphCallRecord {
  readonly method: 'GET' | 'POST';
  /** Relative to the root with the version, query option names kept and values dropped: `/beta/reports/x?$filter`. */
  readonly url: string;
  /** 0 when no status arrived (timeout, network failure). */
  readonly status: number;
  readonly requestId?: string;
  readonly clientRequestId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** For inner requests: the client-request-id of the envelope that carried it. */
  readonly envelope?: string;
}

/** Where the pipeline counts what one operation cost upstream (OperationStats implements it). */
export interface GraphCallStats {
  /** Calls that hit the socket, `$batch` envelopes included. */
  httpRequests: number;
  /** Requests that count against the budget: plain calls plus every inner request. */
  innerRequests: number;
  batches: number;
  /** Requests re-sent after a retryable failure (each inner request counts). */
  retries: number;
  cacheHits: number;
  /** Cache answers served past their TTL (within the stale bound) while a refresh went upstream. */
  staleHits: number;
  /** Age of the oldest cached answer served, in milliseconds; `null` when none came from the cache. */
  cacheAgeMs: number | null;
  singleFlightJoins: number;
  budgetWaits: number;
  budgetWaitMs: number;
  /** Budget slots granted, retries included: what the operation spent of the tenant's budget. */
  budgetSlots: number;
  recordCall(record: GraphCallRecord): void;
}

/** Who is calling and within which limits: one per GraphQL operation, built by createUpstream. */
export interface GraphCallContext {
  /** Partition of the response cache and single-flight map: `app`, or a hash of the delegated caller. */
  readonly principal: string;
  /** Partition of the rate budget. */
  readonly tenant: string;
  /** Whom the tenant's budget is shared fairly between: the caller, or this operation when callers are anonymous. */
  readonly party: string;
  /** Asked before every attempt, so a token refreshed meanwhile is used; `null` sends no Authorization. */
  readonly getToken: () => Promise<string | null>;
  /** Epoch milliseconds by which the whole operation (retries and budget waits included) must be done. */
  readonly deadline: number;
  readonly stats: GraphCallStats;
  /** Bounds the envelopes and plain calls this operation keeps in flight. */
  readonly limiter: ConcurrencyLimiter;
  /**
   * The operation's trace context (OpenTelemetry): upstream spans are its children and `traceparent` carries
   * it to Graph. Unset, the active context applies; without a registered SDK every span is a no-op.
   */
  readonly traceContext?: TraceContext;
}

/**
 * What the pipeline tells the log and the metrics. Deliberately poor: never a token, a body, or a query value
 * (`path` keeps query option names only: `/reports/x?$filter&$top`), because filters carry user names.
 * `report` is the report's collection name (`credentialUserRegistrationDetails`, `$batch`), see `reportOf`.
 */
export type GraphCallEvent =
  | {
      /** One call on the socket: a plain request or a `$batch` envelope. */
      readonly type: 'call';
      readonly method: 'GET' | 'POST';
      readonly version: GraphVersion;
      readonly path: string;
      readonly report: string;
      /** 0 when no HTTP status arrived (timeout, network failure). */
      readonly status: number;
      readonly attempt: number;
      /** Inner requests carried, for `$batch` envelopes. */
      readonly innerRequests?: number;
      readonly requestId?: string;
      readonly clientRequestId: string;
      readonly durationMs: number;
      readonly failure?: 'timeout' | 'network' | 'tooLarge';
    }
  | {
      /** One inner answer of a `$batch` envelope (0: the envelope carried none for it). */
      readonly type: 'inner';
      readonly method: 'GET' | 'POST';
      readonly version: GraphVersion;
      readonly report: string;
      readonly status: number;
      readonly requestId?: string;
      readonly clientRequestId: string;
      /** The client-request-id of the envelope that carried it. */
      readonly envelope: string;
    }
  | {
      readonly type: 'retry';
      readonly requests: number;
      readonly status: number;
      readonly attempt: number;
      readonly delayMs: number;
    }
  /** Budget slots taken for `tenant` (every acquire, `waitMs` 0 when they were free at once). */
  | { readonly type: 'budget'; readonly tenant: string; readonly slots: number; readonly waitMs: number }
  /** A read looked up across operations: answered by the response cache, missed it, or joined a flight in progress. */
  | { readonly type: 'cache'; readonly result: 'hit' | 'miss' | 'join' }
  | { readonly type: 'throttled'; readonly tenant: string; readonly untilMs: number }
  | { readonly type: 'redisError'; readonly operation: 'budget' | 'cacheGet' | 'cacheSet' | 'cacheDrop'; readonly errorName: string }
  /** The Redis breaker opened (budget and cache now local) or closed (shared again), and why. */
  | {
      readonly type: 'redis';
      readonly state: 'open' | 'closed';
      readonly reason: 'connectionClosed' | 'ready' | 'commandsFailed' | 'commandsAnswered';
    };

/**
 * Everything the graph pipeline needs, complete and already validated: `src/config.ts` holds every default and
 * limit and is the only place that checks them, so the graph layer states none of its own.
 */
export interface GraphPipelineOptions {
  /** Graph root without a version: `https://graph.microsoft.com`, or the emulator's `http://127.0.0.1:1234`. */
  readonly root: string;
  /** One attempt, in milliseconds; every attempt is also cut at the operation deadline. @default 30000 */
  readonly timeoutMs: number;
  /** Inner requests per `$batch` envelope, 1..20. @default 20 */
  readonly batchSize: number;
  /** Retries after the first attempt, 0..10, for 429/503/504 and (GETs only) timeouts and network errors. @default 3 */
  readonly maxRetries: number;
  /** Retries of 429s that carry Retry-After, counted apart from `maxRetries`, 0..50. @default 10 */
  readonly maxThrottleRetries: number;
  /** Envelopes (and plain reads) one operation keeps in flight. @default 4 */
  readonly maxConcurrentEnvelopes: number;
  /** Upstream budget per tenant; every inner request takes a slot. `null` = no budget. */
  readonly rateLimit: { readonly requests: number; readonly windowMs: number } | null;
  /**
   * Response cache for 2xx GETs, shared by all operations of one principal. `ttlMs: 0` turns it off. An entry
   * past `ttlMs` but within `staleMs` more is served at once while one refresh goes upstream. The memory
   * cache holds at most `maxEntries` entries and `maxBytes` bytes of JSON bodies.
   */
  readonly cache: {
    readonly ttlMs: number;
    readonly staleMs: number;
    readonly maxEntries: number;
    readonly maxBytes: number;
  };
  /**
   * The Redis that budget and cache share between processes, behind one breaker (README: Degraded modes);
   * `null`: each process budgets and caches alone.
   */
  readonly redis: RedisSettings | null;
  /** How a group of exactly one read travels: a plain GET (default) or a one-item `$batch`. */
  readonly singleRequest: 'plain' | 'batch';
  /** `false` is the benchmark's naive mode: one plain call per load, no batching, dedupe or cache. */
  readonly dedupe: boolean;
  /** Backoff without Retry-After, in milliseconds. @default { baseMs: 1000, capMs: 30000 } */
  readonly backoff: { readonly baseMs: number; readonly capMs: number };
  /** Sockets of the keep-alive pool to the Graph root. @default 64 */
  readonly maxSockets: number;
  /** Sockets the requests of one report may hold at once, a share of the pool (README: Degraded modes). @default 16 */
  readonly maxSocketsPerReport: number;
  /** Largest upstream body accepted, in bytes. @default 52428800 */
  readonly maxResponseBytes: number;
  readonly log?: (event: GraphCallEvent) => void;
}

/** The process-wide upstream machinery; operations reach it through `createUpstream`. */
export interface GraphPipeline {
  readonly options: Readonly<GraphPipelineOptions>;
  /** GETs of one DataLoader batch: single-flight, cache, `$batch`, retries, budget. One promise per request. */
  readMany(requests: readonly GraphRequest[], context: GraphCallContext): Promise<GraphResponse>[];
  /** One plain GET with retries and budget, nothing shared (naive mode). */
  readOnce(request: GraphRequest, context: GraphCallContext): Promise<GraphResponse>;
  /**
   * One POST: budgeted, never retried, never cached. A success drops the caller's cached reads of that
   * collection (read your writes).
   */
  create(request: GraphRequest, context: GraphCallContext): Promise<GraphResponse>;
  /**
   * Whether Graph's root answers HTTP at all (any status counts: a 401 or 404 is a reachable upstream), within
   * `timeoutMs`. No token, no budget slot: readiness asks it on every probe.
   */
  probe(timeoutMs: number): Promise<UpstreamProbe>;
  /**
   * A value derived from reads of `path` (`/{version}/…`, no query), cached like a read of that path under
   * the caller's principal, so a create on the path drops it too. `name` tells values of one path apart.
   * A hit counts in the operation's stats like a cached read (cacheHits, staleHits, cacheAgeMs).
   */
  recall(path: string, name: string, context: GraphCallContext): Promise<Recalled | undefined>;
  remember(path: string, name: string, value: unknown, context: GraphCallContext, since: number): Promise<void>;
  /** Closes sockets and quits Redis. */
  close(): Promise<void>;
}

/** What `GraphPipeline.probe` found: an HTTP status, or why none came. */
export type UpstreamProbe =
  /** `status` 0: an answer came, too large to read. */
  | { readonly reachable: true; readonly status: number }
  | { readonly reachable: false; readonly failure: 'timeout' | 'network' };

/** A derived value from the cache, with its age; `stale` once past the TTL (then refresh it). */
export interface Recalled {
  readonly value: unknown;
  readonly ageMs: number;
  readonly stale: boolean;
}

/** Prefix of every Redis key the gateway writes (cache entries and budget windows). */
export const REDIS_KEY_PREFIX = 'grg:';
