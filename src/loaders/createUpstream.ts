import DataLoader from 'dataloader';
import { canonicalKey } from '../graph/canonicalKey';
import { ConcurrencyLimiter } from '../graph/ConcurrencyLimiter';
import type { GraphCallContext } from '../graph/GraphCallContext';
import type { GraphPipeline } from '../graph/GraphPipeline';
import type { GraphRequest } from '../graph/GraphRequest';
import type { GraphResponse } from '../graph/GraphResponse';
import type { Upstream } from './Upstream';
import type { UpstreamCall } from './UpstreamCall';

// DataLoader resolves a batch's values all at once; wrapping each answer lets every load settle as soon as
// its own envelope answers instead of waiting for the slowest envelope of the tick.
interface Answer {
  readonly promise: Promise<GraphResponse>;
}

/** The upstream seam of one GraphQL operation. Build it in the context function: it must not outlive it. */
export function createUpstream(pipeline: GraphPipeline, call: UpstreamCall): Upstream {
  const { dedupe, maxConcurrentEnvelopes } = pipeline.options;
  // Naive mode stands for a client that fires every call at once: no limiter of ours shapes it.
  const limit = dedupe ? maxConcurrentEnvelopes : Number.MAX_SAFE_INTEGER;
  const context: GraphCallContext = { ...call, limiter: new ConcurrencyLimiter(limit) };
  if (!dedupe) {
    return {
      load: (request) => pipeline.readOnce(request, context),
      send: (request) => pipeline.create(request, context),
    };
  }
  const loader = new DataLoader<GraphRequest, Answer, string>(
    async (requests) => pipeline.readMany(requests, context).map((promise) => ({ promise })),
    { cacheKeyFn: (request) => canonicalKey(request, call.principal) },
  );
  return {
    load: async (request) => {
      try {
        return await (await loader.load(request)).promise;
      } catch (error) {
        // A failure is not an answer: a later load in this operation may try again.
        loader.clear(request);
        throw error;
      }
    },
    send: (request) => pipeline.create(request, context),
  };
}
