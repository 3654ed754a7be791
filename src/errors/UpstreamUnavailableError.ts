import { CodedError } from './CodedError';
import { ErrorCode } from './ErrorCode';

export class UpstreamUnavailableError extends CodedError {
  constructor(details: { httpStatus?: number; requestId?: string }, cause?: Error) {
    super(ErrorCode.UPSTREAM_UNAVAILABLE, 'Microsoft Graph did not answer this report in time, after retries', details, cause);
  }
}
