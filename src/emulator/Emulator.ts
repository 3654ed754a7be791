import type { EmulatorData } from './EmulatorData';
import type { FaultRule } from './FaultRule';
import type { RequestLog } from './RequestLog';

/** A running emulator: where it listens, what it received, its data, and knobs to change at run time. */
export interface Emulator {
  /** Root without version, e.g. `http://127.0.0.1:43123`; clients append `/beta` or `/v1.0`. */
  readonly url: string;
  readonly log: RequestLog;
  /** The seeded store, live: creates are appended to it, so tests can compute expected rows. */
  readonly data: EmulatorData;
  /** Replaces the fault rules and restarts their counters. */
  setFaults(rules: FaultRule[]): void;
  setLatency(ms: number): void;
  /** Changes the budget; requests already in the window keep counting. */
  setRateLimit(limit: { requests: number; windowSeconds: number } | null): void;
  /** Closes the server and its keep-alive sockets. */
  stop(): Promise<void>;
}
