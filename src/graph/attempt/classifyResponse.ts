import { GraphHttpError } from '../errors/GraphHttpError';
import type { GraphRequest } from '../GraphRequest';
import type { HttpResult } from '../http/HttpResult';
import { redactUrl } from '../redactUrl';
import { retryPolicy } from '../retryPolicy';
import type { AttemptOutcome } from './AttemptOutcome';
import { readFailureDetails } from './readFailureDetails';

/** Turns one answer (a plain one, or one inner answer of an envelope) into an outcome. */
export function classifyResponse(
  request: GraphRequest,
  result: HttpResult,
  clientRequestId: string,
  now: number,
): AttemptOutcome {
  const { status, headers, body } = result;
  const details = readFailureDetails(status, headers, body, clientRequestId);
  const target = `${request.method} /${request.version}${redactUrl(request.url)}`;
  if (status >= 200 && status < 300) {
    if (result.bodyKind === 'other') {
      const error = new GraphHttpError(`Graph answered ${status} with a body that is not JSON to ${target}`, details);
      return { kind: 'failed', error };
    }
    const requestId = details.requestId;
    return { kind: 'ok', response: { status, body: body ?? null, ...(requestId === undefined ? {} : { requestId }) } };
  }
  if (retryPolicy.isRetryableStatus(status)) {
    return { kind: 'retryable', status, retryAfterMs: retryPolicy.parseRetryAfter(headers['retry-after'], now), details };
  }
  return { kind: 'failed', error: new GraphHttpError(`Graph answered ${status} to ${target}`, details) };
}
