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
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
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
  singleFlightJoins: number;
  budgetWaits: number;
  budgetWaitMs: number;
  recordCall(record: GraphCallRecord): void;
}

/** Who is calling and within which limits: one per GraphQL operation, built by createUpstream. */
export interface GraphCallContext {
  /** Partition of the response cache and single-flight map: `app`, or a hash of the delegated caller. */
  readonly principal: string;
  /** Partition of the rate budget. */
  readonly tenant: string;
  /** Asked before every attempt, so a token refreshed meanwhile is used; `null` sends no Authorization. */
  readonly getToken: () => Promise<string | null>;
  /** Epoch milliseconds by which the whole operation (retries and budget waits included) must be done. */
  readonly deadline: number;
  readonly stats: GraphCallStats;
  /** Bounds the envelopes and plain calls this operation keeps in flight. */
  readonly limiter: ConcurrencyLimiter;
}

/**
 * What the pipeline tells the log. Deliberately poor: never a token, a body, or a query value
 * (`path` keeps query option names only: `/reports/x?$filter&$top`), because filters carry user names.
 */
export type GraphCallEvent =
  | {
      readonly type: 'call';
      readonly method: 'GET' | 'POST';
      readonly version: GraphVersion;
      readonly path: string;
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
      readonly type: 'retry';
      readonly requests: number;
      readonly status: number;
      readonly attempt: number;
      readonly delayMs: number;
    }
  | { readonly type: 'budgetWait'; readonly tenant: string; readonly slots: number; readonly waitMs: number }
  | { readonly type: 'cacheError'; readonly operation: 'get' | 'set'; readonly errorName: string }
  | { readonly type: 'budgetError'; readonly errorName: string };

/** Everything the graph pipeline needs, already validated by config (see graphDefaults.ts for defaults). */
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
  readonly maxThrottleRetries?: number;
  /** Envelopes (and plain reads) one operation keeps in flight. @default 4 */
  readonly maxConcurrentEnvelopes: number;
  /** Upstream budget per tenant; every inner request takes a slot. `null` = no budget. */
  readonly rateLimit: { readonly requests: number; readonly windowMs: number } | null;
  /** Response cache for 2xx GETs, shared by all operations of one principal. `ttlMs: 0` turns it off. */
  readonly cache: { readonly ttlMs: number; readonly maxEntries: number; readonly redisUrl?: string };
  /** How a group of exactly one read travels: a plain GET (default) or a one-item `$batch`. */
  readonly singleRequest: 'plain' | 'batch';
  /** `false` is the benchmark's naive mode: one plain call per load, no batching, dedupe or cache. */
  readonly dedupe: boolean;
  /** Backoff without Retry-After, in milliseconds. @default { baseMs: 1000, capMs: 30000 } */
  readonly backoff?: { readonly baseMs: number; readonly capMs: number };
  /** Largest upstream body accepted, in bytes. @default 52428800 */
  readonly maxResponseBytes?: number;
  readonly log?: (event: GraphCallEvent) => void;
}

/** The process-wide upstream machinery; operations reach it through `createUpstream`. */
export interface GraphPipeline {
  readonly options: Readonly<GraphPipelineOptions>;
  /** GETs of one DataLoader batch: single-flight, cache, `$batch`, retries, budget. One promise per request. */
  readMany(requests: readonly GraphRequest[], context: GraphCallContext): Promise<GraphResponse>[];
  /** One plain GET with retries and budget, nothing shared (naive mode). */
  readOnce(request: GraphRequest, context: GraphCallContext): Promise<GraphResponse>;
  /** One POST: budgeted, never retried, never cached. */
  create(request: GraphRequest, context: GraphCallContext): Promise<GraphResponse>;
  /** Closes sockets and quits Redis. */
  close(): Promise<void>;
}

/*
 * Defaults and hard limits of the graph pipeline, with units in the names. Config validation (src/config.ts)
 * and createGraphPipeline both read them from here, so a limit is stated once.
 */

/** Graph's `$batch` accepts at most 20 inner requests; more is a 400 for the whole envelope. */
export const MAX_BATCH_SIZE = 20;
export const DEFAULT_BATCH_SIZE = 20;

/** Graph's SDKs retry 3 times; more rarely helps against a 5-per-10-seconds budget. */
export const DEFAULT_MAX_RETRIES = 3;
export const MAX_RETRIES_LIMIT = 10;

/**
 * Retries of a 429 that says when to come back (Retry-After): Graph's answer to a busy tenant, not a
 * fault, so it gets its own, larger allowance; the operation deadline bounds the total wait anyway.
 */
export const DEFAULT_MAX_THROTTLE_RETRIES = 10;
export const MAX_THROTTLE_RETRIES_LIMIT = 50;

/** One attempt (not the whole operation); Graph's own gateway gives up at about 30 s too. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Backoff when upstream sends no Retry-After: full jitter, delay = random(0, min(cap, base * 2^(retry-1))).
 * Graph's SDK waits a fixed 3, 5, 7 s; fixed delays make throttled clients retry in lockstep, full jitter
 * spreads them, and 429s (the common case) carry Retry-After anyway, which always wins.
 */
export const DEFAULT_BACKOFF_BASE_MS = 1_000;
export const DEFAULT_BACKOFF_CAP_MS = 30_000;

/** Envelopes one operation keeps in flight at once. */
export const DEFAULT_MAX_CONCURRENT_ENVELOPES = 4;

/** Reports refresh slowly (Graph recomputes them every few hours), so a minute of staleness is harmless. */
export const DEFAULT_CACHE_TTL_MS = 60_000;
export const DEFAULT_CACHE_MAX_ENTRIES = 1_000;

/** Largest upstream body accepted (after decompression); a page of 1000 report rows is far below it. */
export const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

/** Sockets per upstream origin in the shared keep-alive agent. */
export const DEFAULT_MAX_SOCKETS = 64;

/**
 * Extra time a budget slot stays taken beyond the window: our slot is stamped before the request leaves,
 * upstream stamps it on arrival, so without a margin a slow first request and a fast later one could meet
 * in one upstream window.
 */
export const BUDGET_SAFETY_MARGIN_MS = 250;

/** Per-call records an operation keeps for its log line; counters keep counting past it. */
export const MAX_CALL_RECORDS = 100;

/** Graph error codes are short camelCase tokens; anything longer or with other characters is dropped. */
export const MAX_GRAPH_CODE_LENGTH = 64;

/** Prefix of every Redis key the gateway writes (cache entries and budget windows). */
export const REDIS_KEY_PREFIX = 'grg:';
