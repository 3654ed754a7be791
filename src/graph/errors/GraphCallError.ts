/**
 * Base of every failure the graph layer reports. It carries only what is safe to show or log:
 * status, Graph's error `code` and request ids. The upstream `message` is never kept.
 */
export abstract class GraphCallError extends Error {
  abstract readonly kind: 'http' | 'throttled' | 'unavailable' | 'refused';
  constructor(
    message: string,
    readonly details: {
      readonly httpStatus?: number;
      readonly graphCode?: string;
      readonly requestId?: string;
      readonly clientRequestId?: string;
    } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
