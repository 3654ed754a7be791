import type { ExecutionParts } from './batch/ExecutionParts';
import { finalError } from './batch/finalError';
import { takeBudget } from './batch/takeBudget';
import { GraphRefusedRequestError } from './errors/GraphRefusedRequestError';
import type { GraphCallContext } from './GraphCallContext';
import type { GraphRequest } from './GraphRequest';
import type { GraphResponse } from './GraphResponse';
import { resolveGraphUrl } from './resolveGraphUrl';

/**
 * A create: budgeted, sent once, never retried (a timed-out POST may have created the document already),
 * never cached, never in an envelope with reads.
 */
export async function createOnce(request: GraphRequest, root: URL, parts: ExecutionParts, context: GraphCallContext): Promise<GraphResponse> {
  if (request.method !== 'POST') throw new GraphRefusedRequestError(`creates must use POST, but got: ${request.method}`);
  resolveGraphUrl(root, request);
  const outcome = await context.limiter.run(async () => {
    await takeBudget(parts, context, 1);
    return parts.transport.sendPlain(request, context, 1);
  });
  if (outcome.kind === 'ok') return outcome.response;
  if (outcome.kind === 'failed') throw outcome.error;
  throw finalError(request, outcome, 'notRetried', outcome.retryAfterMs ?? 0, 1);
}
