import type { GraphTransport } from '../attempt/GraphTransport';
import type { RateBudget } from '../budget/RateBudget';
import type { Clock } from '../Clock';
import type { GraphCallEvent } from '../GraphCallEvent';

/** The process-wide pieces an attempt loop runs on, built once by createGraphPipeline. */
export interface ExecutionParts {
  readonly transport: GraphTransport;
  readonly budget: RateBudget;
  readonly clock: Clock;
  readonly random: () => number;
  readonly maxRetries: number;
  readonly maxThrottleRetries: number;
  readonly backoff: { readonly baseMs: number; readonly capMs: number };
  /** How a group of exactly one read travels. */
  readonly singleRequest: 'plain' | 'batch';
  readonly log: (event: GraphCallEvent) => void;
}
