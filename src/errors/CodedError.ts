import { GraphQLError } from 'graphql';
import { ErrorCode } from './ErrorCode';

/**
 * Base of every error the gateway shows a client on purpose. Only `extensions` given here reach the
 * client; the upstream failure, if any, stays in `originalError` for the logs.
 */
export class CodedError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}, cause?: Error) {
    super(message, { extensions: { ...extensions, code }, ...(cause ? { originalError: cause } : {}) });
    this.name = new.target.name;
  }
}
