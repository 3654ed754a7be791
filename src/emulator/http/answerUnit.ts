import { randomUUID } from 'node:crypto';
import type { EmulatorState } from '../EmulatorState';
import { defaultErrorCode } from '../faults/defaultErrorCode';
import type { RequestRecord } from '../RequestRecord';
import { GraphError } from './GraphError';
import { graphErrorBody } from './graphErrorBody';
import type { UnitRequest } from './UnitRequest';
import type { UnitResponse } from './UnitResponse';

function failure(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  // A bug in the emulator: say so on stderr, answer like Graph's own internal errors.
  console.error('graph emulator: unexpected failure', error);
  return new GraphError(500, 'InternalServerError', 'The emulator failed to handle the request.');
}

/** A fault body that is JSON goes out as JSON (a test may fake a malformed Graph answer), else as text. */
function bodyContentType(body: string): string {
  try {
    JSON.parse(body);
    return 'application/json; charset=utf-8';
  } catch {
    return 'text/plain; charset=utf-8';
  }
}

/**
 * Answers one request, plain or inner, the way Graph's front door does: the budget first (when the
 * request counts against it), then injected faults, then the handler. Every answer carries a fresh
 * `request-id` and echoes `client-request-id`; the record gets the final status.
 */
export function answerUnit(
  state: EmulatorState,
  unit: UnitRequest,
  record: RequestRecord,
  handle: () => UnitResponse,
  budgeted: boolean,
): UnitResponse {
  const requestId = randomUUID();
  const clientRequestId = unit.headers['client-request-id'] ?? requestId;
  let response: UnitResponse;
  try {
    const wait = budgeted ? state.limiter.tryAdmit(Date.now()) : null;
    if (wait !== null) {
      throw new GraphError(429, 'TooManyRequests', `The application exceeded its request budget; retry after ${wait} seconds.`, { 'retry-after': String(wait) });
    }
    const fault = state.faults.pick({
      method: unit.method,
      path: unit.queryPairs.length === 0 ? unit.path : `${unit.path}?${unit.queryPairs.map(([name, value]) => `${name}=${value}`).join('&')}`,
      rawUrl: unit.rawUrl,
      inner: unit.inner,
      authorization: unit.headers['authorization'] ?? '',
    });
    if (fault !== null) {
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
      if (fault.body !== undefined) {
        response = { status: fault.status, headers: { ...headers, 'content-type': bodyContentType(fault.body) }, text: fault.body };
      } else {
        throw new GraphError(fault.status, fault.code ?? defaultErrorCode(fault.status), `Injected fault: status ${fault.status}.`, headers);
      }
    } else {
      response = handle();
    }
  } catch (error) {
    const graphError = failure(error);
    response = { status: graphError.status, headers: { ...graphError.headers }, body: graphErrorBody(graphError.code, graphError.message, requestId, clientRequestId) };
  }
  response.headers['request-id'] = requestId;
  response.headers['client-request-id'] = clientRequestId;
  record.status = response.status;
  return response;
}
