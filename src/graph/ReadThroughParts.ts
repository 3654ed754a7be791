import type { ExecutionParts } from './batch/ExecutionParts';
import type { ResponseCache } from './cache/ResponseCache';
import type { GraphResponse } from './GraphResponse';
import type { SingleFlight } from './SingleFlight';

/** The process-wide pieces of the read path: execution plus allowlist root, cache and single-flight. */
export interface ReadThroughParts extends ExecutionParts {
  readonly root: URL;
  readonly cache: ResponseCache;
  readonly singleFlight: SingleFlight<GraphResponse>;
  /** min(batchSize, budget window): an envelope must fit into one window to be sendable at all. */
  readonly envelopeSize: number;
}
