import type { AttemptOutcome } from '../attempt/AttemptOutcome';
import { GraphUnavailableError } from '../errors/GraphUnavailableError';
import type { GraphCallContext } from '../GraphCallContext';
import { retryPolicy } from '../retryPolicy';
import type { ExecutionParts } from './ExecutionParts';
import { finalError } from './finalError';
import type { PendingRead } from './PendingRead';
import { takeBudget } from './takeBudget';

type Retryable = Extract<AttemptOutcome, { kind: 'retryable' }>;

async function attempt(group: readonly PendingRead[], parts: ExecutionParts, context: GraphCallContext, attempts: number): Promise<AttemptOutcome[]> {
  return context.limiter.run(async () => {
    // Every request takes its slot, inner ones included: Graph counts them one by one.
    await takeBudget(parts, context, group.length);
    const only = group.length === 1 ? group[0] : undefined;
    // A one-request envelope costs the same budget slot as a plain GET, plus bytes and parsing: send it plain.
    if (only !== undefined && parts.singleRequest === 'plain') return [await parts.transport.sendPlain(only.request, context, attempts)];
    return parts.transport.sendEnvelope(group.map((pending) => pending.request), context, attempts);
  });
}

/**
 * Sends one envelope's worth of reads (or a single plain read) and retries what deserves it until every
 * read is settled. Reads that fail retryably in one attempt are re-sent together, after the longest
 * Retry-After among them, so one wait serves them all and they keep sharing an envelope.
 */
export async function executeGroup(initial: readonly PendingRead[], parts: ExecutionParts, context: GraphCallContext): Promise<void> {
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
