import type { GraphRequest } from '../GraphRequest';
import type { ReportSpec } from '../reports/ReportSpec';
import { describeGiven } from './describeGiven';
import { ODataCompileError } from './ODataCompileError';
import { percentEncode } from './percentEncode';
import { unsafeCharacter } from './unsafeCharacter';

const MAX_ID_LENGTH = 256;

/**
 * A GET of one entity, `/path/{id}`, the id encoded as one path segment. `.` and `..` are refused
 * because they survive encoding and a URL parser would turn them into a walk up the path.
 */
export function buildGetByIdRequest(spec: ReportSpec, id: string): GraphRequest {
  if (!spec.addressableById) {
    throw new ODataCompileError('id', `${spec.name} is not addressable by id, but got a request for: ${describeGiven(id)}`);
  }
  const valid =
    typeof id === 'string' &&
    id.length >= 1 &&
    id.length <= MAX_ID_LENGTH &&
    id !== '.' &&
    id !== '..' &&
    unsafeCharacter(id) === undefined;
  if (!valid) {
    throw new ODataCompileError(
      'id',
      `\`id\` of ${spec.name} accepts 1 to ${MAX_ID_LENGTH} characters, no control characters, not \`.\` or \`..\`, but got: ${describeGiven(id)}`,
    );
  }
  return { method: 'GET', version: spec.version, url: `${spec.path}/${percentEncode(id)}` };
}
