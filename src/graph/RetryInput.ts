/** What happened to an attempt that may deserve another one. */
export interface RetryInput {
  /** Attempts made so far, the failed one included (1 after the first attempt). */
  readonly attempts: number;
  readonly maxRetries: number;
  /** Upstream's Retry-After in milliseconds (see `parseRetryAfter`), when it sent one. */
  readonly retryAfterMs: number | undefined;
  readonly now: number;
  /** Epoch milliseconds by which the whole operation must be done. */
  readonly deadline: number;
  readonly backoff: { readonly baseMs: number; readonly capMs: number };
  /** Uniform in [0, 1); injected so tests can pin the jitter. */
  readonly random: () => number;
}
