import type { RetryDecision } from './RetryDecision';
import type { RetryInput } from './RetryInput';

const SECONDS = /^\d*\.?\d+$/;

/**
 * Pure rules for retrying Graph calls: which failures are retried, how long to wait, when to stop.
 * No clock, no timers: callers pass `now` and `random`.
 */
export const retryPolicy = {
  /** 429, 503 and 504 are what Graph's SDKs retry; other statuses would fail the same way again. */
  isRetryableStatus(status: number): boolean {
    return status === 429 || status === 503 || status === 504;
  },

  /**
   * Retry-After as milliseconds: delta-seconds (Graph sends fractions too) or an HTTP-date.
   * A date in the past means "now" (0); anything unreadable is `undefined`, so backoff applies.
   */
  parseRetryAfter(header: string | undefined | null, now: number): number | undefined {
    if (header === undefined || header === null) return undefined;
    const value = header.trim();
    if (SECONDS.test(value)) return Math.ceil(Number(value) * 1000);
    // Date.parse reads bare numbers and junk like "1 2" as dates; an HTTP-date always names a month.
    if (!/[a-z]{3}/i.test(value)) return undefined;
    const at = Date.parse(value);
    if (!Number.isFinite(at)) return undefined;
    return Math.max(0, at - now);
  },

  /** Full jitter: uniform in [0, min(cap, base * 2^(retry - 1))], `retry` counting from 1. */
  backoffDelayMs(retry: number, backoff: RetryInput['backoff'], random: () => number): number {
    const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, retry - 1));
    return Math.floor(random() * ceiling);
  },

  decide(input: RetryInput): RetryDecision {
    // Retry-After is authoritative when present: waiting less provokes another 429, waiting more wastes time.
    const delayMs =
      input.retryAfterMs ?? retryPolicy.backoffDelayMs(input.attempts, input.backoff, input.random);
    if (input.attempts > input.maxRetries) return { retry: false, reason: 'exhausted', delayMs };
    if (input.now + delayMs > input.deadline) return { retry: false, reason: 'deadline', delayMs };
    return { retry: true, delayMs };
  },
};
