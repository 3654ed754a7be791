import type { GraphCallError } from '../errors/GraphCallError';
import type { GraphResponse } from '../GraphResponse';

/** Safe facts about a failed attempt, the ones a GraphCallError may carry. */
export interface FailureDetails {
  readonly httpStatus?: number;
  readonly graphCode?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
}

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
