import { CodedError } from './CodedError';
import { ErrorCode } from './ErrorCode';

/** A client argument outside the contract; always raised before any upstream call. */
export class BadUserInputError extends CodedError {
  constructor(message: string, argument?: string, cause?: Error) {
    super(ErrorCode.BAD_USER_INPUT, message, argument ? { argument } : {}, cause);
  }
}
