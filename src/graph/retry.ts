import type { RateBudget, SlotGrant } from './budget';
import type { ResponseCache, SingleFlight } from './cache';
import { GraphCallError, GraphThrottledError, GraphUnavailableError } from './errors';
import type { AttemptOutcome, GraphTransport } from './transport';
import type { Clock, GraphCallContext, GraphCallEvent, GraphRequest, GraphResponse } from './types';
import { redactUrl } from './urls';

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

/** retryPolicy.decide's verdict on a retryable failure. */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  /** `delayMs` is the wait that was not taken: the caller's Retry-After hint. */
  | { readonly retry: false; readonly reason: 'exhausted' | 'deadline'; readonly delayMs: number };

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

/** Runs at most `limit` tasks at once; the rest wait in arrival order. */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`limit must be a positive integer, but got: ${limit}`);
    }
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      // Hand the permit straight to the next waiter so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

/** A request waiting for its answer inside the batching and retry machinery. Settling twice is a no-op. */
export interface PendingRead {
  readonly request: GraphRequest;
  resolve(response: GraphResponse): void;
  reject(error: unknown): void;
}

/**
 * The process-wide pieces of the pipeline, built once by createGraphPipeline from its options: what the read
 * path (allowlist root, cache, single-flight, envelopes) and the attempt loop run on.
 */
export interface PipelineParts {
  readonly root: URL;
  readonly cache: ResponseCache;
  readonly singleFlight: SingleFlight<GraphResponse>;
  /** min(batchSize, budget window): an envelope must fit into one window to be sendable at all. */
  readonly envelopeSize: number;
  readonly transport: GraphTransport;
  readonly budget: RateBudget;
  readonly clock: Clock;
  readonly random: () => number;
  readonly maxRetries: number;
  readonly maxThrottleRetries: number;
  readonly backoff: { readonly baseMs: number; readonly capMs: number };
  /** How a group of exactly one read travels. */
  readonly singleRequest: 'plain' | 'batch';
  readonly log: (event: GraphCallEvent) => void;
}

/**
 * Takes up to `slots` budget slots for the operation's tenant (at least one), counting any wait and
 * reporting every take. `resume` keeps the place of a request whose first part already left.
 */
export async function takeBudget(parts: PipelineParts, context: GraphCallContext, slots: number, resume = false): Promise<SlotGrant> {
  const grant = await parts.budget.acquire({ tenant: context.tenant, party: context.party, slots, deadline: context.deadline, resume });
  context.stats.budgetSlots += grant.slots;
  parts.log({ type: 'budget', tenant: context.tenant, slots: grant.slots, waitMs: grant.waitMs });
  if (grant.waitMs > 0) {
    context.stats.budgetWaits += 1;
    context.stats.budgetWaitMs += grant.waitMs;
  }
  return grant;
}

/**
 * The error for a retryable failure that gets no further attempt: the retries ran out, the wait would pass
 * the deadline, or the request is a create (never retried). 429 is "throttled", the rest "unavailable".
 */
export function finalError(
  request: GraphRequest,
  outcome: Extract<AttemptOutcome, { kind: 'retryable' }>,
  reason: 'exhausted' | 'deadline' | 'notRetried',
  delayMs: number,
  attempts: number,
): GraphCallError {
  const target = `${request.method} /${request.version}${redactUrl(request.url)}`;
  const answer = outcome.status === 0 ? 'gave no answer (timeout or network failure)' : `answered ${outcome.status}`;
  const why =
    reason === 'exhausted'
      ? `after ${attempts} attempts`
      : reason === 'deadline'
        ? `and the next attempt (in ${delayMs} ms) would pass the operation deadline`
        : 'and creates are never retried';
  const message = `Graph ${answer} to ${target} ${why}`;
  if (outcome.status === 429) {
    return new GraphThrottledError(message, Math.max(1, Math.ceil(delayMs / 1000)), outcome.details);
  }
  return new GraphUnavailableError(message, outcome.details);
}

type Retryable = Extract<AttemptOutcome, { kind: 'retryable' }>;

/** One send of `group` (an envelope, or a plain read when it holds one request and plain is configured). */
function send(group: readonly PendingRead[], parts: PipelineParts, context: GraphCallContext, attempts: number): Promise<AttemptOutcome[]> {
  const only = group.length === 1 ? group[0] : undefined;
  // A one-request envelope costs the same budget slot as a plain GET, plus bytes and parsing: send it plain.
  if (only !== undefined && parts.singleRequest === 'plain') return parts.transport.sendPlain(only.request, context, attempts).then((o) => [o]);
  return parts.transport.sendEnvelope(group.map((pending) => pending.request), context, attempts);
}

/**
 * One attempt at `group`. Every request takes its slot, inner ones included: Graph counts them one by one. When
 * fewer slots are free than the group holds, what fits leaves now and the rest as slots free up, so no free slot
 * idles while the envelope waits for room; each part's slots are stamped when its answer arrives.
 */
async function attempt(group: readonly PendingRead[], parts: PipelineParts, context: GraphCallContext, attempts: number): Promise<AttemptOutcome[]> {
  return context.limiter.run(async () => {
    const sent: Promise<AttemptOutcome[]>[] = [];
    let rest = group;
    let refusal: unknown;
    while (rest.length > 0) {
      let grant: SlotGrant;
      try {
        grant = await takeBudget(parts, context, rest.length, sent.length > 0);
      } catch (error) {
        if (sent.length === 0) throw error;
        // Part of the group already left: its answers still count, only the rest fails.
        refusal = error;
        break;
      }
      const part = rest.slice(0, grant.slots);
      rest = rest.slice(grant.slots);
      sent.push(send(part, parts, context, attempts).finally(() => grant.settle()));
    }
    const outcomes = (await Promise.all(sent)).flat();
    const error = refusal instanceof GraphCallError ? refusal : new GraphUnavailableError('the upstream budget failed', {}, { cause: refusal });
    return [...outcomes, ...rest.map((): AttemptOutcome => ({ kind: 'failed', error }))];
  });
}

/** A 429 with Retry-After holds the whole tenant back, every operation of it, until Graph said to come back. */
function noteThrottle(outcomes: readonly AttemptOutcome[], parts: PipelineParts, context: GraphCallContext): void {
  const hints = outcomes.flatMap((o) => (o.kind === 'retryable' && o.status === 429 && o.retryAfterMs !== undefined ? [o.retryAfterMs] : []));
  if (hints.length === 0) return;
  const untilMs = parts.clock.now() + Math.max(...hints);
  parts.budget.throttle(context.tenant, untilMs);
  parts.log({ type: 'throttled', tenant: context.tenant, untilMs });
}

/**
 * Sends one envelope's worth of reads (or a single plain read) and retries what deserves it until every
 * read is settled. Reads that fail retryably in one attempt are re-sent together, after the longest
 * Retry-After among them, so one wait serves them all and they keep sharing an envelope.
 */
export async function executeGroup(initial: readonly PendingRead[], parts: PipelineParts, context: GraphCallContext): Promise<void> {
  let group = initial;
  let attempts = 0;
  // Throttles with Retry-After and real failures (503, 504, timeouts) draw on separate allowances.
  let throttles = 0;
  let failures = 0;
  try {
    while (group.length > 0) {
      attempts += 1;
      if (parts.clock.now() >= context.deadline) {
        const error = new GraphUnavailableError('the operation deadline passed before Graph could be called');
        for (const pending of group) pending.reject(error);
        return;
      }
      const outcomes = await attempt(group, parts, context, attempts);
      noteThrottle(outcomes, parts, context);
      const again: { pending: PendingRead; outcome: Retryable }[] = [];
      group.forEach((pending, index) => {
        const outcome = outcomes[index];
        if (outcome === undefined) pending.reject(new GraphUnavailableError('Graph gave no outcome for a request'));
        else if (outcome.kind === 'ok') pending.resolve(outcome.response);
        else if (outcome.kind === 'failed') pending.reject(outcome.error);
        else again.push({ pending, outcome });
      });
      if (again.length === 0) return;
      const hints = again.map(({ outcome }) => outcome.retryAfterMs).filter((ms): ms is number => ms !== undefined);
      const throttledOnly = again.every(({ outcome }) => outcome.status === 429 && outcome.retryAfterMs !== undefined);
      if (throttledOnly) throttles += 1;
      else failures += 1;
      const decision = retryPolicy.decide({
        attempts: throttledOnly ? throttles : failures,
        maxRetries: throttledOnly ? parts.maxThrottleRetries : parts.maxRetries,
        retryAfterMs: hints.length > 0 ? Math.max(...hints) : undefined,
        now: parts.clock.now(),
        deadline: context.deadline,
        backoff: parts.backoff,
        random: parts.random,
      });
      if (!decision.retry) {
        for (const { pending, outcome } of again) {
          pending.reject(finalError(pending.request, outcome, decision.reason, decision.delayMs, attempts));
        }
        return;
      }
      context.stats.retries += again.length;
      const status = again.some(({ outcome }) => outcome.status === 429) ? 429 : (again[0]?.outcome.status ?? 0);
      parts.log({ type: 'retry', requests: again.length, status, attempt: attempts, delayMs: decision.delayMs });
      await parts.clock.sleep(decision.delayMs);
      group = again.map(({ pending }) => pending);
    }
  } catch (error) {
    // The budget refused (GraphThrottledError), the token provider failed, or a bug: nothing is left pending.
    for (const pending of group) pending.reject(error);
  }
}
