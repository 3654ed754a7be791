import { GraphCallError } from './GraphCallError';

/** The graph layer refused to send a request (a URL outside the configured root, an unknown property). */
export class GraphRefusedRequestError extends GraphCallError {
  readonly kind = 'refused' as const;
}
