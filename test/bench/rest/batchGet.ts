import { callGraph, RETRYABLE_STATUSES } from './callGraph';
import { graphHeaders } from './graphHeaders';
import { RestUpstreamError } from './RestUpstreamError';
import { retryDelayMs } from './retryDelayMs';

const ENVELOPE_SIZE = 20;
const MAX_RETRIES = 3;

interface InnerResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
}

/**
 * GETs relative Graph URLs the way Graph's docs recommend: JSON `$batch` envelopes of at most 20, sent
 * together. Unlike the Graph SDKs it also re-sends throttled inner requests, after the longest of
 * their Retry-After values. Resolves with the bodies in the order of `urls`.
 */
export async function batchGet(betaRoot: string, urls: readonly string[]): Promise<unknown[]> {
  const bodies = new Array<unknown>(urls.length);
  let pending = urls.map((url, index) => ({ url, index }));
  for (let attempt = 0; pending.length > 0; attempt++) {
    const envelopes: (typeof pending)[] = [];
    for (let i = 0; i < pending.length; i += ENVELOPE_SIZE) envelopes.push(pending.slice(i, i + ENVELOPE_SIZE));
    const answers = await Promise.all(
      envelopes.map((envelope) =>
        callGraph(`${betaRoot}/$batch`, {
          method: 'POST',
          body: { requests: envelope.map((item) => ({ id: String(item.index), method: 'GET', url: item.url, headers: graphHeaders() })) },
        }),
      ),
    );
    const again: typeof pending = [];
    let waitMs = 0;
    for (const response of answers.flatMap((answer) => (answer as { responses: InnerResponse[] }).responses)) {
      const index = Number(response.id);
      if (response.status >= 200 && response.status < 300) {
        bodies[index] = response.body;
      } else if (RETRYABLE_STATUSES.has(response.status) && attempt < MAX_RETRIES) {
        again.push({ url: urls[index] ?? '', index });
        waitMs = Math.max(waitMs, retryDelayMs(header(response.headers, 'retry-after'), attempt));
      } else {
        throw new RestUpstreamError(response.status, urls[index] ?? '');
      }
    }
    pending = again;
    if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  return bodies;
}
