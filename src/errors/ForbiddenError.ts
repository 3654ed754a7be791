import { CodedError } from './CodedError';
import { ErrorCode } from './ErrorCode';

export class ForbiddenError extends CodedError {
  constructor(message: string, details: { graphCode?: string; requestId?: string } = {}, cause?: Error) {
    super(ErrorCode.FORBIDDEN, message, details, cause);
  }
}
