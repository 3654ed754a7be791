import type { FaultRule } from '../../../src/emulator/faults';
import type { ContenderId } from '../contenders/ContenderId';
import type { Tenant } from '../emulator/Tenant';
import type { Api } from './Api';
import type { ApiOperations } from './ApiOperations';

export interface Scenario {
  readonly id: string;
  readonly title: string;
  /** `throughput`: autocannon, fixed connections and duration; `sequential`: one operation after another. */
  readonly mode: 'throughput' | 'sequential';
  /** `walk`: a tenant of BENCH_WALK_ROWS users in its own emulator; `main`: BENCH_USERS users. */
  readonly tenant: 'main' | 'walk';
  readonly contenders: readonly ContenderId[];
  /** Why a contender is not run here; the table prints it. */
  readonly skipped?: Partial<Record<ContenderId, string>>;
  /** Gateway variables on top of the contender's own (null: unset, so the gateway's default applies). */
  readonly env?: Readonly<Record<string, string | null>>;
  readonly faults?: readonly FaultRule[];
  /** Graph's budget enforced by the emulator and configured in the gateway (BENCH_THROTTLE_*). */
  readonly budget?: boolean;
  /**
   * A real redis-server for the gateway's shared budget and cache (`REDIS_URL`): `up`, or `killed` by PID once
   * the gateway has connected, so the run measures the degraded mode (README: Degraded modes).
   */
  readonly redis?: 'up' | 'killed';
  /** Upstream HTTP requests one operation needs at the least (the target for the gateway). */
  readonly minimumHttpPerOp?: number;
  operations(api: Api, tenant: Tenant): ApiOperations;
}
