import type { EmulatorState } from '../EmulatorState';
import { answerUnit } from '../http/answerUnit';
import { GraphError } from '../http/GraphError';
import { parseTarget } from '../http/parseTarget';
import { routeUnit } from '../http/routeUnit';
import type { UnitRequest } from '../http/UnitRequest';
import type { UnitResponse } from '../http/UnitResponse';
import type { RequestRecord } from '../RequestRecord';
import type { InnerRequest } from './InnerRequest';
import { innerResponseHeaders } from './innerResponseHeaders';
import { parseBatchEnvelope } from './parseBatchEnvelope';
import { shuffleResponses } from './shuffleResponses';

function innerUnit(envelope: UnitRequest, inner: InnerRequest): UnitRequest {
  const version = envelope.version ?? 'beta';
  const target = (() => {
    try {
      return parseTarget(inner.url, version);
    } catch {
      return null;
    }
  })();
  return {
    method: inner.method,
    version,
    path: target?.path ?? inner.url,
    rawPath: target?.rawPath ?? inner.url,
    segments: target?.segments ?? [],
    queryPairs: target?.queryPairs ?? [],
    rawQuery: target?.rawQuery ?? '',
    rawUrl: inner.url,
    headers: { ...envelope.headers, ...inner.headers },
    body: inner.body,
    baseUrl: envelope.baseUrl,
    inner: true,
    malformedBody: target === null,
  };
}

/** A raw inner body: embedded as JSON when it is JSON, as a string otherwise. */
function innerText(response: UnitResponse): unknown {
  if (response.text === undefined || !(response.headers['content-type'] ?? '').startsWith('application/json')) return response.text;
  return JSON.parse(response.text) as unknown;
}

/**
 * Runs a `$batch`: validates the envelope (any violation fails it as a whole), then runs each inner
 * request in order through the same budget, faults, router and log as plain requests. The outer call
 * answers 200 whatever the inner statuses; the answers come back in a shuffled order.
 */
export function runBatch(state: EmulatorState, envelope: UnitRequest, envelopeRecord: RequestRecord): UnitResponse {
  const requests = (envelope.body as { requests?: unknown } | undefined)?.requests;
  if (Array.isArray(requests)) envelopeRecord.batchSize = requests.length;
  if (envelope.malformedBody) throw new GraphError(400, 'BadRequest', 'The $batch body is not valid JSON.');
  const statuses = new Map<string, number>();
  const answers = parseBatchEnvelope(envelope.body).map((inner) => {
    const unit = innerUnit(envelope, inner);
    const record = state.log.add(
      { at: Date.now(), method: unit.method, version: unit.version, path: unit.path, rawUrl: unit.rawUrl,
        query: Object.fromEntries(unit.queryPairs), headers: { ...unit.headers }, body: inner.body, status: 0,
        batch: { envelopeSeq: envelopeRecord.seq, id: inner.id } },
      'inner',
    );
    const failed = inner.dependsOn.find((id) => (statuses.get(id) ?? 0) >= 400);
    const response = answerUnit(state, unit, record, () => {
      if (failed !== undefined) throw new GraphError(424, 'FailedDependency', `Request '${failed}', which this one depends on, failed.`);
      if (unit.malformedBody) throw new GraphError(400, 'BadRequest', `The url of request '${inner.id}' is malformed.`);
      if (inner.body !== undefined && inner.headers['content-type'] === undefined) {
        throw new GraphError(400, 'BadRequest', `Request '${inner.id}' has a body, so it needs its own Content-Type header.`);
      }
      return routeUnit(state, unit);
    }, failed === undefined);
    statuses.set(inner.id, response.status);
    return { id: inner.id, status: response.status, headers: innerResponseHeaders(response), body: response.body ?? innerText(response) };
  });
  return { status: 200, headers: {}, body: { responses: shuffleResponses(answers, state.nextBatchSeed()) } };
}
