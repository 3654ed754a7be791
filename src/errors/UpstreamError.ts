import { CodedError } from './CodedError';
import { ErrorCode } from './ErrorCode';

/** Any other upstream failure. Carries Graph's status, error code and request id, never its message. */
export class UpstreamError extends CodedError {
  constructor(details: { httpStatus?: number; graphCode?: string; requestId?: string }, cause?: Error) {
    super(ErrorCode.UPSTREAM_ERROR, `Microsoft Graph refused this report (HTTP ${details.httpStatus ?? 'error'})`, details, cause);
  }
}
