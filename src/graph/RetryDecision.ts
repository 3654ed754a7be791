/** retryPolicy.decide's verdict on a retryable failure. */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  /** `delayMs` is the wait that was not taken: the caller's Retry-After hint. */
  | { readonly retry: false; readonly reason: 'exhausted' | 'deadline'; readonly delayMs: number };
