/** Safe facts about a failed attempt, the ones a GraphCallError may carry. */
export interface FailureDetails {
  readonly httpStatus?: number;
  readonly graphCode?: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
}
