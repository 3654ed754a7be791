import { GraphHttpError } from '../graph/errors/GraphHttpError';
import type { GraphResponse } from '../graph/GraphResponse';

/** The rows and raw nextLink of a collection page; any other shape is an upstream error. */
export function listRows(response: GraphResponse): { rows: unknown[]; nextLink: string | null } {
  const body = response.body as { value?: unknown; '@odata.nextLink'?: unknown } | null;
  if (!body || !Array.isArray(body.value)) {
    throw new GraphHttpError('Graph answered a list without a `value` array', {
      httpStatus: response.status,
      graphCode: 'UnexpectedResponseShape',
      requestId: response.requestId,
    });
  }
  const next = body['@odata.nextLink'];
  return { rows: body.value, nextLink: typeof next === 'string' ? next : null };
}
