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
