import type { GraphRequest } from '../graph/GraphRequest';
import type { GraphResponse } from '../graph/GraphResponse';

/**
 * What resolvers call, one per GraphQL operation. Rejections are GraphCallError subclasses
 * (GraphHttpError, GraphThrottledError, GraphUnavailableError, GraphRefusedRequestError).
 */
export interface Upstream {
  /** A GET: batched with the same tick's loads, deduplicated, cached, retried, budgeted. */
  load(request: GraphRequest): Promise<GraphResponse>;
  /** A POST create: never retried, never cached, never batched with reads. */
  send(request: GraphRequest): Promise<GraphResponse>;
}
