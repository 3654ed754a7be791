/** What one run of one scenario against one contender measured, as the client saw it. */
export interface Measurement {
  /** Operations answered (a throughput run may end with a few unanswered in flight). */
  readonly ops: number;
  /** Operations sent: what upstream work is divided by. */
  readonly sent: number;
  readonly seconds: number;
  readonly opsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Operations not answered completely: HTTP errors, GraphQL errors, missing rows, connection errors. */
  readonly failed: number;
  /** The first failure seen, shortened, for the notes. */
  readonly failure: string | null;
}
