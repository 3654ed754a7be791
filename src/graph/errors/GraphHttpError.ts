import { GraphCallError } from './GraphCallError';

/** Upstream answered with a non-retryable error status (400, 401, 403, 404, 500, ...). */
export class GraphHttpError extends GraphCallError {
  readonly kind = 'http' as const;
}
