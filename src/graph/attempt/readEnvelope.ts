import { GraphHttpError } from '../errors/GraphHttpError';
import type { GraphRequest } from '../GraphRequest';
import type { HttpResult } from '../http/HttpResult';
import type { AttemptOutcome } from './AttemptOutcome';
import { classifyResponse } from './classifyResponse';

interface InnerAnswer {
  readonly status: number;
  readonly headers: Record<string, string | undefined>;
  readonly body: unknown;
}

function innerAnswers(body: unknown): Map<string, InnerAnswer> | undefined {
  const responses = typeof body === 'object' && body !== null ? (body as { responses?: unknown }).responses : undefined;
  if (!Array.isArray(responses)) return undefined;
  const byId = new Map<string, InnerAnswer>();
  for (const entry of responses as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, status, headers, body: innerBody } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || typeof status !== 'number') continue;
    const lower: Record<string, string | undefined> = {};
    if (typeof headers === 'object' && headers !== null) {
      for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = String(value);
    }
    byId.set(id, { status, headers: lower, body: innerBody });
  }
  return byId;
}

/** Graph inlines JSON bodies as objects; anything else arrives as a string, which may still hold JSON. */
function innerBody(body: unknown): Pick<HttpResult, 'body' | 'bodyKind'> {
  if (body === undefined || body === null || body === '') return { body: undefined, bodyKind: 'empty' };
  if (typeof body !== 'string') return { body, bodyKind: 'json' };
  try {
    return { body: JSON.parse(body) as unknown, bodyKind: 'json' };
  } catch {
    return { body: undefined, bodyKind: 'other' };
  }
}

/**
 * Splits a `$batch` answer into one outcome per inner request, matched by id (inner answers come in any
 * order). A failed envelope fails, or is retried, as a whole; each inner answer is judged on its own.
 */
export function readEnvelope(
  envelope: GraphRequest,
  requests: readonly GraphRequest[],
  innerIds: readonly string[],
  outerId: string,
  result: HttpResult,
  now: number,
): AttemptOutcome[] {
  const whole = classifyResponse(envelope, result, outerId, now);
  if (whole.kind !== 'ok') return requests.map(() => whole);
  const byId = innerAnswers(result.body);
  if (byId === undefined) {
    const error = new GraphHttpError('Graph answered $batch without a `responses` array', { httpStatus: result.status });
    return requests.map(() => ({ kind: 'failed', error }));
  }
  return requests.map((request, index) => {
    const clientRequestId = innerIds[index] ?? outerId;
    const answer = byId.get(String(index + 1));
    // A missing answer is Graph misbehaving, not a verdict on the request: worth another attempt.
    if (answer === undefined) return { kind: 'retryable', status: 0, retryAfterMs: undefined, details: { clientRequestId } };
    return classifyResponse(request, { ...answer, ...innerBody(answer.body) }, clientRequestId, now);
  });
}
