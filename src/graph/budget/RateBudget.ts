/**
 * The upstream budget: `limit` requests per sliding window per tenant, every inner `$batch` request taking
 * a slot. Callers queue for slots instead of provoking 429s.
 */
export interface RateBudget {
  /** Most slots one `acquire` may take (the window's size); callers split bigger envelopes. */
  readonly maxSlots: number;
  /**
   * Takes `slots` slots of `tenant`'s window, waiting in arrival order until they are free. Resolves with the
   * milliseconds waited; rejects at once with GraphThrottledError when they cannot be had by `deadline`.
   */
  acquire(tenant: string, slots: number, deadline: number): Promise<number>;
}
