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

/** Upstream answered with a non-retryable error status (400, 401, 403, 404, 500, ...). */
export class GraphHttpError extends GraphCallError {
  readonly kind = 'http' as const;
}

/** The graph layer refused to send a request (a URL outside the configured root, an unknown property). */
export class GraphRefusedRequestError extends GraphCallError {
  readonly kind = 'refused' as const;
}

/** Upstream kept answering 429, or its Retry-After (or our own budget) reaches past the operation deadline. */
export class GraphThrottledError extends GraphCallError {
  readonly kind = 'throttled' as const;
  constructor(
    message: string,
    /** Seconds the caller should wait before trying again. */
    readonly retryAfterSeconds: number,
    details: GraphCallError['details'] = {},
    options?: { cause?: unknown },
  ) {
    super(message, details, options);
  }
}

/** 503, 504, a timeout or a network failure, still so after every retry. */
export class GraphUnavailableError extends GraphCallError {
  readonly kind = 'unavailable' as const;
}

/**
 * The OData compiler refused a descriptor: a property, operator, value, parameter or URL outside what the
 * report's spec allows. Raised before anything is sent, so resolvers can map it to `BAD_USER_INPUT`
 * (for client descriptors) or treat it as an upstream contract failure (for a refused `@odata.nextLink`).
 */
export class ODataCompileError extends GraphRefusedRequestError {
  constructor(
    /** The property, query option (`$top`), parameter or URL (`@odata.nextLink`) that was refused. */
    readonly property: string,
    message: string,
  ) {
    super(message);
  }
}
