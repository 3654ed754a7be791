import { CodedError } from './CodedError';
import { ErrorCode } from './ErrorCode';

export class UpstreamThrottledError extends CodedError {
  constructor(retryAfter: number, requestId: string | undefined, cause?: Error) {
    super(
      ErrorCode.UPSTREAM_THROTTLED,
      `Microsoft Graph is throttling this report; retry after ${retryAfter} s`,
      { retryAfter, ...(requestId ? { requestId } : {}) },
      cause,
    );
  }
}
