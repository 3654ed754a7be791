/** Graph's error envelope; `date` in Graph's style, UTC without fraction or offset. */
export function graphErrorBody(code: string, message: string, requestId: string, clientRequestId: string): unknown {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}
