import { graphHeaders } from './graphHeaders';
import { RestUpstreamError } from './RestUpstreamError';
import { retryDelayMs } from './retryDelayMs';

/** Graph SDK's RetryHandler defaults: 429, 503 and 504 are retried, 3 times. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);
const MAX_RETRIES = 3;

/** One Graph call of the plain REST client, retried like the Graph SDK does; resolves with the JSON body. */
export async function callGraph(url: string, init: { method?: string; body?: unknown } = {}): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: { ...graphHeaders(), ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    if (response.ok) return response.json();
    await response.arrayBuffer();
    if (!RETRYABLE_STATUSES.has(response.status) || attempt >= MAX_RETRIES) throw new RestUpstreamError(response.status, url);
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs(response.headers.get('retry-after'), attempt)));
  }
}
