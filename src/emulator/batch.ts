import type { EmulatorState } from './emulator';
import { answerUnit, GraphError, parseTarget, routeUnit, type UnitRequest, type UnitResponse } from './http';
import type { RequestRecord } from './log';
import { Prng } from './prng';

/** One validated entry of a `$batch` envelope's `requests`. */
export interface InnerRequest {
  readonly id: string;
  readonly method: string;
  /** Relative to the version root, with or without a leading slash. */
  readonly url: string;
  /** The inner request's own headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly dependsOn: readonly string[];
}

/** Graph spells these in title case inside `$batch` answers, unlike the lower-case `request-id`. */
const GRAPH_CASING: Readonly<Record<string, string>> = {
  'retry-after': 'Retry-After',
  'content-type': 'Content-Type',
  location: 'Location',
  'preference-applied': 'Preference-Applied',
};

/** The `headers` object of one inner answer, as Graph writes it. */
export function innerResponseHeaders(response: UnitResponse): Record<string, string> {
  const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
  if (response.body !== undefined) headers['Content-Type'] = 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8';
  for (const [name, value] of Object.entries(response.headers)) headers[GRAPH_CASING[name] ?? name] = value;
  return headers;
}

/**
 * Graph answers a `$batch` in any order; the emulator makes that visible with a seeded shuffle that
 * never returns the request order (it falls back to reversing).
 */
export function shuffleResponses<T>(items: readonly T[], seed: number): T[] {
  const shuffled = [...items];
  const prng = new Prng(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
  }
  return shuffled.every((item, index) => item === items[index]) ? [...items].reverse() : shuffled;
}

/** Graph's limit on inner requests per `$batch`. */
const MAX_BATCH_REQUESTS = 20;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function invalid(message: string): GraphError {
  return new GraphError(400, 'BadRequest', message);
}

function readInner(value: unknown, index: number): InnerRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`requests[${index}] must be an object.`);
  const entry = value as Record<string, unknown>;
  const { id, method, url, headers, body, dependsOn } = entry;
  if (typeof id !== 'string' || id === '') throw invalid(`requests[${index}].id must be a non-empty string, but got: ${JSON.stringify(id)}.`);
  if (typeof method !== 'string' || !METHODS.includes(method.toUpperCase())) {
    throw invalid(`requests[${index}].method must be one of ${METHODS.join(', ')}, but got: ${JSON.stringify(method)}.`);
  }
  if (typeof url !== 'string' || url === '') throw invalid(`requests[${index}].url must be a non-empty string, but got: ${JSON.stringify(url)}.`);
  const ownHeaders: Record<string, string> = {};
  if (headers !== undefined) {
    if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) throw invalid(`requests[${index}].headers must be an object.`);
    for (const [name, headerValue] of Object.entries(headers)) {
      if (typeof headerValue !== 'string') throw invalid(`requests[${index}].headers.${name} must be a string.`);
      ownHeaders[name.toLowerCase()] = headerValue;
    }
  }
  if (dependsOn !== undefined && (!Array.isArray(dependsOn) || !dependsOn.every((item) => typeof item === 'string'))) {
    throw invalid(`requests[${index}].dependsOn must be a list of request ids.`);
  }
  return { id, method: method.toUpperCase(), url, headers: ownHeaders, body, dependsOn: (dependsOn as string[] | undefined) ?? [] };
}

/**
 * Validates a `$batch` body: `{"requests":[…]}` with 1 to 20 entries, each with a unique `id`, a
 * `method` and a `url`, and `dependsOn` naming other entries. Any violation fails the whole envelope.
 */
export function parseBatchEnvelope(body: unknown): InnerRequest[] {
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (typeof body !== 'object' || body === null || !Array.isArray(requests)) throw invalid('A $batch body must be an object with a "requests" list.');
  if (requests.length === 0) throw invalid('A $batch must hold at least one request.');
  if (requests.length > MAX_BATCH_REQUESTS) {
    throw invalid(`A $batch holds at most ${MAX_BATCH_REQUESTS} requests, but got: ${requests.length}.`);
  }
  const inner = requests.map(readInner);
  const ids = new Set<string>();
  for (const request of inner) {
    if (ids.has(request.id)) throw invalid(`Request ids in a $batch must be unique, but '${request.id}' appears more than once.`);
    ids.add(request.id);
  }
  for (const request of inner) {
    const missing = request.dependsOn.find((id) => !ids.has(id) || id === request.id);
    if (missing !== undefined) throw invalid(`Request '${request.id}' depends on '${missing}', which is not another request of this $batch.`);
  }
  return inner;
}

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
