/** A call that produced no usable HTTP answer. Internal to the graph layer; mapped to GraphCallErrors. */
export class HttpFailure extends Error {
  constructor(
    readonly failure: 'timeout' | 'network' | 'tooLarge',
    options?: { cause?: unknown },
  ) {
    super(`upstream call failed: ${failure}`, options);
    this.name = 'HttpFailure';
  }
}
