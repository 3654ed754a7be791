import { GraphCallError } from './GraphCallError';

/** 503, 504, a timeout or a network failure, still so after every retry. */
export class GraphUnavailableError extends GraphCallError {
  readonly kind = 'unavailable' as const;
}
