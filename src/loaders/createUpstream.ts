import DataLoader from 'dataloader';
import { canonicalKey } from '../graph/canonicalKey';
import { ConcurrencyLimiter } from '../graph/ConcurrencyLimiter';
import type { GraphCallContext } from '../graph/GraphCallContext';
import type { GraphPipeline } from '../graph/GraphPipeline';
import type { GraphRequest } from '../graph/GraphRequest';
import type { GraphResponse } from '../graph/GraphResponse';
import type { OperationStats } from './OperationStats';
import type { Upstream } from './Upstream';

/** Per-operation facts createUpstream needs from the request context. */
export interface UpstreamCall {
  /** Cache and single-flight partition: `app`, or a hash of the delegated caller. */
  readonly principal: string;
  /** Rate budget partition. */
  readonly tenant: string;
  readonly getToken: () => Promise<string | null>;
  /** Epoch milliseconds: the whole operation's deadline, retries and budget waits included. */
  readonly deadline: number;
  readonly stats: OperationStats;
}

// DataLoader resolves a batch's values all at once; wrapping each answer lets every load settle as soon as
// its own envelope answers instead of waiting for the slowest envelope of the tick.
interface Answer {
  readonly promise: Promise<GraphResponse>;
}

/** The upstream seam of one GraphQL operation. Build it in the context function: it must not outlive it. */
export function createUpstream(pipeline: GraphPipeline, call: UpstreamCall): Upstream {
  const context: GraphCallContext = { ...call, limiter: new ConcurrencyLimiter(pipeline.options.maxConcurrentEnvelopes) };
  if (!pipeline.options.dedupe) {
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
