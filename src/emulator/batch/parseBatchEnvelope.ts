import { GraphError } from '../http/GraphError';
import type { InnerRequest } from './InnerRequest';

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
