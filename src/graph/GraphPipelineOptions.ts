import type { GraphCallEvent } from './GraphCallEvent';

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
