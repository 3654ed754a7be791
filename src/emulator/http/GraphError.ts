/**
 * A failure the emulator answers the way Graph does: an HTTP status, a Graph error `code` to branch on,
 * and a message of our own (never a copy of Graph's text). Thrown anywhere below the router.
 */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}
