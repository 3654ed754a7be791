import type { GraphCallRecord } from './GraphCallRecord';

/** Where the pipeline counts what one operation cost upstream (OperationStats implements it). */
export interface GraphCallStats {
  /** Calls that hit the socket, `$batch` envelopes included. */
  httpRequests: number;
  /** Requests that count against the budget: plain calls plus every inner request. */
  innerRequests: number;
  batches: number;
  /** Requests re-sent after a retryable failure (each inner request counts). */
  retries: number;
  cacheHits: number;
  singleFlightJoins: number;
  budgetWaits: number;
  budgetWaitMs: number;
  recordCall(record: GraphCallRecord): void;
}
