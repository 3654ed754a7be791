import type { FaultRule } from '../../../src/emulator/faults';
import type { RunningServer } from '../process/RunningServer';
import type { Tenant } from './Tenant';

/** The emulator child as the bench drives it. */
export interface EmulatorControl extends RunningServer {
  /** Since the last clear: outer HTTP requests, what counts against Graph's budget, and 429s answered. */
  counts(): Promise<{ http: number; counted: number; throttled: number }>;
  clear(): Promise<void>;
  setFaults(rules: FaultRule[]): Promise<void>;
  setRateLimit(limit: { requests: number; windowSeconds: number } | null): Promise<void>;
  tenant(): Promise<Tenant>;
  /** How long startEmulator took, tenant generation included. */
  startMs(): Promise<number>;
}
