import type { HttpOperation } from './HttpOperation';

/** A scenario's work in one contender's API. Made fresh for every run, so it may keep state (a walk does). */
export interface ApiOperations {
  /** The `index`-th operation; `previous` is the last answer (parsed) when it passed `check`. Null ends the run. */
  operation(index: number, previous: unknown): HttpOperation | null;
  /** Whether an HTTP 200 body is the complete answer: no errors, every row and link present. */
  check(body: unknown): boolean;
  /** After a sequential run: whether the run as a whole got everything (a walk: every row once). */
  complete?(): boolean;
}
