import type { GraphRequest } from '../graph/GraphRequest';
import { parseGraphUrl } from '../graph/odata/parseGraphUrl';
import type { Upstream } from '../loaders/Upstream';
import { listRows } from './listRows';

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
    const { rows: more, nextLink } = listRows(await upstream.load({ method: 'GET', version: first.version, url }));
    rows.push(...more);
    url = nextLink === null ? null : parseGraphUrl(graphRoot, first.version, nextLink, path);
  }
  return { rows, complete: true };
}
