import { GraphHttpError } from '../graph/errors/GraphHttpError';
import type { GraphRequest } from '../graph/GraphRequest';
import { parseGraphUrl } from '../graph/odata/parseGraphUrl';
import type { Upstream } from '../loaders/Upstream';

/**
 * Every row of a collection from its first request on, following `@odata.nextLink` (validated: same
 * root, version and path) for at most `maxPages` pages. `complete` says whether the end was reached.
 */
export async function readAllRows(
  upstream: Upstream,
  graphRoot: string,
  first: GraphRequest,
  maxPages: number,
): Promise<{ rows: unknown[]; complete: boolean }> {
  const path = first.url.split('?')[0]!;
  const rows: unknown[] = [];
  let url: string | null = first.url;
  for (let page = 0; url !== null; page++) {
    if (page >= maxPages) return { rows, complete: false };
    const response = await upstream.load({ method: 'GET', version: first.version, url });
    const body = response.body as { value?: unknown; '@odata.nextLink'?: unknown } | null;
    if (!body || !Array.isArray(body.value)) {
      throw new GraphHttpError('Graph answered a list without a `value` array', {
        httpStatus: response.status,
        graphCode: 'UnexpectedResponseShape',
        requestId: response.requestId,
      });
    }
    rows.push(...body.value);
    const next = body['@odata.nextLink'];
    url = typeof next === 'string' ? parseGraphUrl(graphRoot, first.version, next, path) : null;
  }
  return { rows, complete: true };
}
