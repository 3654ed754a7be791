/** Graph refused a call of the plain REST client for good (after its retries); the client answers 502. */
export class RestUpstreamError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`Graph answered ${status} to ${url} after retries`);
    this.name = 'RestUpstreamError';
  }
}
