import type { FailureDetails } from './FailureDetails';
import type { GraphCallError } from '../errors/GraphCallError';
import type { GraphResponse } from '../GraphResponse';

/** What one attempt of one request (plain or inner) came to. */
export type AttemptOutcome =
  | { readonly kind: 'ok'; readonly response: GraphResponse }
  /** 429, 503, 504, a timeout or a network failure (`status` 0): another attempt may succeed. */
  | {
      readonly kind: 'retryable';
      readonly status: number;
      readonly retryAfterMs: number | undefined;
      readonly details: FailureDetails;
    }
  | { readonly kind: 'failed'; readonly error: GraphCallError };
