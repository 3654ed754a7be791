import { callGraph } from './callGraph';
import type { GraphPage } from './GraphPage';

/**
 * A page of registration details: the first (`top`, `orderby`) or the one behind `next`, a nextLink
 * this client handed out before. A nextLink is followed only to `betaRoot`, never to another host.
 */
export async function listRegistrations(betaRoot: string, options: { top: number; orderby?: string; next?: string }): Promise<{ value: unknown[]; next: string | null }> {
  let url: string;
  if (options.next !== undefined) {
    if (!options.next.startsWith(`${betaRoot}/reports/credentialUserRegistrationDetails?`)) throw new RangeError(`next must be a nextLink of this report, but got: ${options.next}`);
    url = options.next;
  } else {
    const params = [`$top=${options.top}`];
    if (options.orderby) params.unshift(`$orderby=${encodeURIComponent(options.orderby)}`);
    url = `${betaRoot}/reports/credentialUserRegistrationDetails?${params.join('&')}`;
  }
  const page = (await callGraph(url)) as GraphPage;
  return { value: page.value, next: page['@odata.nextLink'] ?? null };
}
