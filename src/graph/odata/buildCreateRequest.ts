import type { GraphRequest } from '../GraphRequest';
import type { ReportSpec } from '../reports/ReportSpec';
import { describeGiven } from './describeGiven';
import { ODataCompileError } from './ODataCompileError';

/** A POST of one new entity to the report's collection; the body is sent as JSON. */
export function buildCreateRequest(spec: ReportSpec, body: object): GraphRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ODataCompileError('body', `a create on ${spec.name} accepts a JSON object body, but got: ${describeGiven(body)}`);
  }
  return { method: 'POST', version: spec.version, url: spec.path, body };
}
