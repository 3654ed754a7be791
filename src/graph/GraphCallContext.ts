import type { ConcurrencyLimiter } from './ConcurrencyLimiter';
import type { GraphCallStats } from './GraphCallStats';

/** Who is calling and within which limits: one per GraphQL operation, built by createUpstream. */
export interface GraphCallContext {
  /** Partition of the response cache and single-flight map: `app`, or a hash of the delegated caller. */
  readonly principal: string;
  /** Partition of the rate budget. */
  readonly tenant: string;
  /** Asked before every attempt, so a token refreshed meanwhile is used; `null` sends no Authorization. */
  readonly getToken: () => Promise<string | null>;
  /** Epoch milliseconds by which the whole operation (retries and budget waits included) must be done. */
  readonly deadline: number;
  readonly stats: GraphCallStats;
  /** Bounds the envelopes and plain calls this operation keeps in flight. */
  readonly limiter: ConcurrencyLimiter;
}
