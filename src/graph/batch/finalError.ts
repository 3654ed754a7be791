import type { AttemptOutcome } from '../attempt/AttemptOutcome';
import type { GraphCallError } from '../errors/GraphCallError';
import { GraphThrottledError } from '../errors/GraphThrottledError';
import { GraphUnavailableError } from '../errors/GraphUnavailableError';
import type { GraphRequest } from '../GraphRequest';
import { redactUrl } from '../redactUrl';

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
