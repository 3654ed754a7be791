import type { OperationStats } from './OperationStats';

/** Per-operation facts createUpstream needs from the request context. */
export interface UpstreamCall {
  /** Cache and single-flight partition: `app`, or a hash of the delegated caller. */
  readonly principal: string;
  /** Rate budget partition. */
  readonly tenant: string;
  readonly getToken: () => Promise<string | null>;
  /** Epoch milliseconds: the whole operation's deadline, retries and budget waits included. */
  readonly deadline: number;
  readonly stats: OperationStats;
}
