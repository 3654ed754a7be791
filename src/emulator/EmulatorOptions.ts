import type { FaultRule } from './FaultRule';

/** How to start the Graph reports emulator; every option has a default suitable for tests. */
export interface EmulatorOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Seed of the deterministic tenant: same seed and size give identical data. @default 1 */
  seed?: number;
  /** Number of users in the seeded tenant. @default 200 */
  users?: number;
  /** The server's own page cap: no `$top`, or a larger one, yields pages of this size. @default 100 */
  maxPageSize?: number;
  /** When true every page holds maxPageSize rows whatever `$top` asks (Graph sometimes does). @default false */
  ignoreTop?: boolean;
  /** Delay added before answering each outer HTTP request, in milliseconds. @default 0 */
  latencyMs?: number;
  /**
   * Graph's per-app-per-tenant budget, a sliding window in which every plain request and every inner
   * `$batch` request counts; excess requests get 429 with `Retry-After`. `null` disables it. @default null
   */
  rateLimit?: { requests: number; windowSeconds: number } | null;
  /** @default [] */
  faults?: FaultRule[];
}
