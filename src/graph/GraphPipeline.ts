import type { GraphCallContext } from './GraphCallContext';
import type { GraphPipelineOptions } from './GraphPipelineOptions';
import type { GraphRequest } from './GraphRequest';
import type { GraphResponse } from './GraphResponse';

/** The process-wide upstream machinery; operations reach it through `createUpstream`. */
export interface GraphPipeline {
  readonly options: Readonly<GraphPipelineOptions>;
  /** GETs of one DataLoader batch: single-flight, cache, `$batch`, retries, budget. One promise per request. */
  readMany(requests: readonly GraphRequest[], context: GraphCallContext): Promise<GraphResponse>[];
  /** One plain GET with retries and budget, nothing shared (naive mode). */
  readOnce(request: GraphRequest, context: GraphCallContext): Promise<GraphResponse>;
  /** One POST: budgeted, never retried, never cached. */
  create(request: GraphRequest, context: GraphCallContext): Promise<GraphResponse>;
  /** Closes sockets and quits Redis. */
  close(): Promise<void>;
}
