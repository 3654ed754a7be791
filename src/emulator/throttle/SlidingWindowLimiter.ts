/**
 * Graph's per-app-per-tenant budget as a sliding window log: a request is admitted while fewer than
 * `requests` admitted requests arrived in the last `windowSeconds`. Refused requests take no slot, so
 * a client that honours `Retry-After` gets in as soon as the oldest slot expires.
 */
export class SlidingWindowLimiter {
  private admitted: number[] = [];

  constructor(private limit: { requests: number; windowSeconds: number } | null) {}

  setLimit(limit: { requests: number; windowSeconds: number } | null): void {
    this.limit = limit;
  }

  /** Admits the request (returns null) or returns the whole seconds until a slot frees. */
  tryAdmit(now: number): number | null {
    if (this.limit === null) return null;
    const windowMs = this.limit.windowSeconds * 1000;
    while (this.admitted.length > 0 && (this.admitted[0] ?? 0) <= now - windowMs) this.admitted.shift();
    if (this.admitted.length < this.limit.requests) {
      this.admitted.push(now);
      return null;
    }
    const oldest = this.admitted[this.admitted.length - this.limit.requests] ?? now;
    return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
  }
}
