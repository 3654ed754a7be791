import type { RetryInput } from '../../src/graph/retry';
import { retryPolicy } from '../../src/graph/retry';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const backoff = { baseMs: 1_000, capMs: 30_000 };

function input(overrides: Partial<RetryInput>): RetryInput {
  return { attempts: 1, maxRetries: 3, retryAfterMs: undefined, now: NOW, deadline: NOW + 60_000, backoff, random: () => 0.5, ...overrides };
}

describe('retryPolicy.parseRetryAfter', () => {
  it('reads whole seconds as milliseconds', () => {
    expect(retryPolicy.parseRetryAfter('1', NOW)).toBe(1_000);
    expect(retryPolicy.parseRetryAfter(' 120 ', NOW)).toBe(120_000);
  });

  it('reads fractional seconds, rounding up to the next millisecond', () => {
    expect(retryPolicy.parseRetryAfter('1.5', NOW)).toBe(1_500);
    expect(retryPolicy.parseRetryAfter('0.0015', NOW)).toBe(2);
    expect(retryPolicy.parseRetryAfter('.25', NOW)).toBe(250);
  });

  it('reads an HTTP-date as the time left until it', () => {
    expect(retryPolicy.parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', NOW)).toBe(7_000);
  });

  it('reads an HTTP-date in the past as no wait at all', () => {
    expect(retryPolicy.parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', NOW)).toBe(0);
  });

  it('ignores garbage, negative numbers and missing headers so that backoff applies', () => {
    for (const garbage of ['soon', '-1', '1,5', '1e3', '', '12 13', 'Thu, 99 Foo 2026']) {
      expect(retryPolicy.parseRetryAfter(garbage, NOW)).toBeUndefined();
    }
    expect(retryPolicy.parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(retryPolicy.parseRetryAfter(null, NOW)).toBeUndefined();
  });
});

describe('retryPolicy.backoffDelayMs', () => {
  it('draws from zero up to base * 2^(retry-1) with full jitter', () => {
    expect(retryPolicy.backoffDelayMs(1, backoff, () => 0)).toBe(0);
    expect(retryPolicy.backoffDelayMs(1, backoff, () => 0.999)).toBe(999);
    expect(retryPolicy.backoffDelayMs(2, backoff, () => 0.5)).toBe(1_000);
    expect(retryPolicy.backoffDelayMs(3, backoff, () => 0.5)).toBe(2_000);
  });

  it('never exceeds the cap however many retries were made', () => {
    for (const retry of [6, 10, 50, 2_000]) {
      expect(retryPolicy.backoffDelayMs(retry, backoff, () => 0.999999)).toBeLessThanOrEqual(30_000);
    }
  });
});

describe('retryPolicy.isRetryableStatus', () => {
  it('retries 429, 503 and 504 only', () => {
    const retried = [400, 401, 403, 404, 409, 429, 500, 502, 503, 504].filter((s) => retryPolicy.isRetryableStatus(s));
    expect(retried).toEqual([429, 503, 504]);
  });
});

describe('retryPolicy.decide', () => {
  it('waits exactly Retry-After when upstream sent one, whatever the backoff would say', () => {
    expect(retryPolicy.decide(input({ retryAfterMs: 1_000, random: () => 0.99 }))).toEqual({ retry: true, delayMs: 1_000 });
  });

  it('backs off with jitter when there is no Retry-After', () => {
    expect(retryPolicy.decide(input({ attempts: 2, random: () => 0.25 }))).toEqual({ retry: true, delayMs: 500 });
  });

  it('allows exactly maxRetries retries after the first attempt', () => {
    const decisions = [1, 2, 3, 4].map((attempts) => retryPolicy.decide(input({ attempts, retryAfterMs: 0 })).retry);
    expect(decisions).toEqual([true, true, true, false]);
    expect(retryPolicy.decide(input({ attempts: 1, maxRetries: 0, retryAfterMs: 0 }))).toEqual({ retry: false, reason: 'exhausted', delayMs: 0 });
  });

  it('gives up at once when the wait would pass the deadline, reporting the wait', () => {
    expect(retryPolicy.decide(input({ retryAfterMs: 120_000, deadline: NOW + 30_000 }))).toEqual({
      retry: false,
      reason: 'deadline',
      delayMs: 120_000,
    });
  });

  it('still retries when the wait ends exactly at the deadline', () => {
    expect(retryPolicy.decide(input({ retryAfterMs: 5_000, deadline: NOW + 5_000 }))).toEqual({ retry: true, delayMs: 5_000 });
  });
});
