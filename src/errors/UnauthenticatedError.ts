import { CodedError } from './CodedError';
import { ErrorCode } from './ErrorCode';

export class UnauthenticatedError extends CodedError {
  constructor(message = 'A valid bearer token is required', cause?: Error) {
    super(ErrorCode.UNAUTHENTICATED, message, {}, cause);
  }
}
