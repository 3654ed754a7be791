import { call } from './call';

/** Follows `@odata.nextLink` from `url` to the end; returns every page's `value`. */
export async function walkPages(url: string, headers: Record<string, string> = {}): Promise<any[][]> {
  const pages: any[][] = [];
  let next: string | undefined = url;
  while (next !== undefined) {
    const reply = await call(next, { headers });
    if (reply.status !== 200) throw new Error(`page ${pages.length + 1} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    pages.push(reply.body.value);
    next = reply.body['@odata.nextLink'];
  }
  return pages;
}
