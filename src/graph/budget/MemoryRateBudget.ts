import type { Clock } from '../Clock';
import { GraphThrottledError } from '../errors/GraphThrottledError';
import { earliestSlotTime } from './earliestSlotTime';
import type { RateBudget } from './RateBudget';

/**
 * The budget of one process. Each acquire reserves its slots at the earliest time they fit (possibly in the
 * future) and then sleeps until then, so the queue is the list of reservations itself: FIFO by
 * construction, and a caller learns at once whether its turn comes before its deadline.
 */
export class MemoryRateBudget implements RateBudget {
  private readonly taken = new Map<string, number[]>();

  constructor(
    readonly maxSlots: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {
    if (!Number.isInteger(maxSlots) || maxSlots < 1) {
      throw new RangeError(`rate limit requests must be a positive integer, but got: ${maxSlots}`);
    }
    if (!(windowMs > 0)) throw new RangeError(`rate limit window must be positive milliseconds, but got: ${windowMs}`);
  }

  async acquire(tenant: string, slots: number, deadline: number): Promise<number> {
    if (!Number.isInteger(slots) || slots < 1 || slots > this.maxSlots) {
      throw new RangeError(`slots must be between 1 and ${this.maxSlots}, but got: ${slots}`);
    }
    const now = this.clock.now();
    const taken = (this.taken.get(tenant) ?? []).filter((at) => at > now - this.windowMs);
    const at = earliestSlotTime(taken, now, this.windowMs, this.maxSlots, slots);
    if (at > deadline) {
      this.store(tenant, taken);
      throw new GraphThrottledError(
        `the upstream budget of ${this.maxSlots} requests per ${this.windowMs} ms has no ${slots} free slots before the operation deadline`,
        Math.max(1, Math.ceil((at - now) / 1000)),
      );
    }
    for (let i = 0; i < slots; i += 1) taken.push(at);
    this.store(tenant, taken);
    const waitMs = at - now;
    if (waitMs > 0) await this.clock.sleep(waitMs);
    return waitMs;
  }

  private store(tenant: string, taken: number[]): void {
    if (taken.length === 0) this.taken.delete(tenant);
    else this.taken.set(tenant, taken);
  }
}
