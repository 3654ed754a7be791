/** One operation as an HTTP request; without `path`, the contender's own endpoint (its GraphQL URL). */
export interface HttpOperation {
  readonly method: 'GET' | 'POST';
  readonly path?: string;
  readonly body?: string;
}
