import { MAX_GRAPH_CODE_LENGTH } from '../graphDefaults';
import type { FailureDetails } from './FailureDetails';

// Codes and ids are echoed to clients, so only short token-like strings pass: never free text.
const TOKEN = new RegExp(`^[A-Za-z0-9_.-]{1,${MAX_GRAPH_CODE_LENGTH}}$`);

function token(value: unknown): string | undefined {
  return typeof value === 'string' && TOKEN.test(value) ? value : undefined;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * Status, Graph's `error.code` and the request id from an upstream answer. The upstream `message` is
 * deliberately never read: it may echo query values or internal detail.
 */
export function readFailureDetails(
  status: number,
  headers: Readonly<Record<string, string | undefined>>,
  body: unknown,
  clientRequestId: string,
): FailureDetails {
  const error = field(body, 'error');
  const inner = field(error, 'innerError') ?? field(error, 'innererror');
  const requestId = token(headers['request-id']) ?? token(field(inner, 'request-id'));
  const graphCode = token(field(error, 'code'));
  return {
    httpStatus: status,
    clientRequestId,
    ...(graphCode === undefined ? {} : { graphCode }),
    ...(requestId === undefined ? {} : { requestId }),
  };
}
