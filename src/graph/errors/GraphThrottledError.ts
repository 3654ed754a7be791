import { GraphCallError } from './GraphCallError';

/** Upstream kept answering 429, or its Retry-After (or our own budget) reaches past the operation deadline. */
export class GraphThrottledError extends GraphCallError {
  readonly kind = 'throttled' as const;
  constructor(
    message: string,
    /** Seconds the caller should wait before trying again. */
    readonly retryAfterSeconds: number,
    details: GraphCallError['details'] = {},
    options?: { cause?: unknown },
  ) {
    super(message, details, options);
  }
}
