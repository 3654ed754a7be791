import { GraphThrottledError } from './errors';
import type { SlotWindow } from './slotWindow';
import type { Clock } from './types';

/**
 * The margin a slot is held past the window, in milliseconds. A slot is stamped when its answer arrives
 * (see SlotGrant.settle), the latest moment upstream can have counted it, so the next request it lets through
 * reaches upstream at least one full window after upstream's own stamp, however long either request took on
 * the wire: no latency margin is needed. What is left is rounding: both clocks read whole milliseconds, so a
 * true gap of exactly one window can read one millisecond short on each side. Two milliseconds is therefore the
 * smallest margin that provokes no 429 from an upstream that enforces the window exactly (the emulator's limiter
 * does, and test/cost/fairShare.test.ts proves it); anything larger only idles the budget.
 */
export const BUDGET_SAFETY_MARGIN_MS = 2;

/**
 * The least time `slots` budget slots take under `rateLimit`, whatever else waits: a window grants `requests`
 * slots, so the last of them cannot be granted before ⌈slots / requests⌉ − 1 windows have passed. What the cost
 * analysis compares with the deadline before anything is sent.
 */
export function minimumBudgetWaitMs(slots: number, rateLimit: { readonly requests: number; readonly windowMs: number }): number {
  if (slots <= 0) return 0;
  return (Math.ceil(slots / rateLimit.requests) - 1) * (rateLimit.windowMs + BUDGET_SAFETY_MARGIN_MS);
}

/** What one acquire asks for. */
export interface SlotRequest {
  readonly tenant: string;
  /**
   * Whom slots are shared fairly between: a caller, or one operation when callers are anonymous. Each party with
   * requests waiting gets slots in turn, so a large operation cannot starve another caller's small one.
   */
  readonly party: string;
  /** Slots wanted, 1..maxSlots; a grant may hold fewer (what is free now), and the caller asks again for the rest. */
  readonly slots: number;
  /** Epoch milliseconds: a request that cannot get a slot by then is refused with GraphThrottledError. */
  readonly deadline: number;
  /** The rest of a request already partly granted: it keeps its place at the head of its party's line. */
  readonly resume?: boolean;
}

/** Slots handed out: send that many requests now, then settle when their answers (or failures) are in. */
export interface SlotGrant {
  readonly slots: number;
  readonly waitMs: number;
  /** Stamps the slots with this moment: they leave the window one window later. Call exactly once. */
  settle(): void;
}

/**
 * The upstream budget: `maxSlots` requests per sliding window per tenant, every inner `$batch` request taking a
 * slot. Callers queue for slots instead of provoking 429s.
 */
export interface RateBudget {
  /** Most slots one acquire may ask for (the window's size). */
  readonly maxSlots: number;
  /** Resolves with 1..`request.slots` slots as soon as they are free and it is the party's turn. */
  acquire(request: SlotRequest): Promise<SlotGrant>;
  /** Graph throttled the tenant until `untilMs` (epoch ms): no operation gets a slot before then. */
  throttle(tenant: string, untilMs: number): void;
}

interface Waiter {
  readonly party: string;
  readonly slots: number;
  readonly deadline: number;
  readonly since: number;
  /** Whether it had to wait for a slot (none was free, or it was another party's turn), not only for the window's answer. */
  waited: boolean;
  readonly resolve: (grant: SlotGrant) => void;
  readonly reject: (error: unknown) => void;
}

/** One tenant's waiting requests, by party; the map's order is the turn order. */
interface Line {
  readonly parties: Map<string, Waiter[]>;
  pumping: boolean;
  /** Cuts the pump's sleep short: a slot was settled earlier than its provisional stamp, or a newcomer came. */
  wake?: () => void;
}

/**
 * The scheduler in front of a tenant's window (memory or Redis). Slots are only ever taken when free now, never
 * reserved ahead, so an operation holds no slot it is not about to use; free slots go round the parties that are
 * waiting, one slot each per turn, and within a party first come, first served. A request bigger than what is
 * free gets what is free (its envelope leaves partly, the rest when slots free up), so no slot idles while a
 * large envelope waits for the window to empty.
 *
 * Fairness holds within one process; replicas sharing a Redis window compete for its free slots as equals.
 */
export class FairRateBudget implements RateBudget {
  private readonly lines = new Map<string, Line>();

  constructor(
    readonly maxSlots: number,
    private readonly window: SlotWindow,
    private readonly clock: Clock,
    /** For messages and for how long to sleep at most before asking a shared window again. */
    private readonly windowMs: number,
  ) {
    if (!(maxSlots >= 1)) throw new RangeError(`rate limit requests must be a positive integer, but got: ${maxSlots}`);
  }

  acquire(request: SlotRequest): Promise<SlotGrant> {
    const { tenant, party, slots, deadline } = request;
    if (!Number.isInteger(slots) || slots < 1 || slots > this.maxSlots) {
      return Promise.reject(new RangeError(`slots must be between 1 and ${this.maxSlots}, but got: ${slots}`));
    }
    return new Promise<SlotGrant>((resolve, reject) => {
      let line = this.lines.get(tenant);
      if (line === undefined) {
        line = { parties: new Map(), pumping: false };
        this.lines.set(tenant, line);
      }
      const waiter: Waiter = { party, slots, deadline, since: this.clock.now(), waited: false, resolve, reject };
      const queue = line.parties.get(party);
      if (queue === undefined) line.parties.set(party, [waiter]);
      else if (request.resume) queue.unshift(waiter);
      else queue.push(waiter);
      if (line.pumping) line.wake?.();
      else void this.pump(tenant, line);
    });
  }

  throttle(tenant: string, untilMs: number): void {
    void this.window.throttle(tenant, untilMs).finally(() => this.lines.get(tenant)?.wake?.());
  }

  /** Hands out free slots until nobody waits; sleeps until the next slot frees when none is free. */
  private async pump(tenant: string, line: Line): Promise<void> {
    line.pumping = true;
    try {
      for (;;) {
        this.refuseLate(line, this.clock.now(), 0);
        const demand = [...line.parties.values()].reduce((sum, queue) => sum + queue.reduce((s, w) => s + w.slots, 0), 0);
        if (demand === 0) break;
        const asked = this.clock.now();
        const { ids, retryInMs } = await this.window.take(tenant, Math.min(demand, this.maxSlots));
        if (ids.length > 0) {
          this.distribute(tenant, line, ids);
          continue;
        }
        const now = this.clock.now();
        const sleepMs = Math.max(0, asked + retryInMs - now);
        // Whoever cannot have a slot before its deadline learns it now, not at the deadline.
        this.refuseLate(line, now, sleepMs);
        if (line.parties.size === 0) break;
        if (sleepMs === 0) continue;
        for (const queue of line.parties.values()) for (const waiter of queue) waiter.waited = true;
        const abort = new AbortController();
        const woken = new Promise<void>((resolve) => (line.wake = resolve));
        // A shared window may be freed by another process's settle: ask again at least once a window.
        await Promise.race([this.clock.sleep(Math.min(sleepMs, this.windowMs), abort.signal), woken]);
        abort.abort();
        delete line.wake;
      }
    } catch (error) {
      // The window failed beyond its own fallback: nobody waiting can be served.
      for (const queue of line.parties.values()) for (const waiter of queue) waiter.reject(error);
      line.parties.clear();
    } finally {
      line.pumping = false;
      if (line.parties.size === 0 && this.lines.get(tenant) === line) this.lines.delete(tenant);
    }
  }

  /** One slot per party per turn, in turn order; a party that got one goes to the back of the line. */
  private distribute(tenant: string, line: Line, ids: readonly string[]): void {
    const granted = new Map<Waiter, string[]>();
    let next = 0;
    while (next < ids.length && line.parties.size > 0) {
      const [party, queue] = line.parties.entries().next().value as [string, Waiter[]];
      const waiter = queue.find((w) => (granted.get(w)?.length ?? 0) < w.slots);
      line.parties.delete(party);
      if (waiter === undefined) continue;
      granted.set(waiter, [...(granted.get(waiter) ?? []), ids[next++]!]);
      line.parties.set(party, queue);
    }
    // Whoever this round did not serve waits for the next: its turn came and went.
    for (const queue of line.parties.values()) for (const waiter of queue) if (!granted.has(waiter)) waiter.waited = true;
    // A party whose waiters were all served in full was dropped from the line above; the rest leave it here.
    const now = this.clock.now();
    for (const [waiter, slotIds] of granted) {
      const queue = line.parties.get(waiter.party);
      if (queue !== undefined) {
        queue.splice(queue.indexOf(waiter), 1);
        if (queue.length === 0) line.parties.delete(waiter.party);
      }
      let settled = false;
      waiter.resolve({
        slots: slotIds.length,
        waitMs: waiter.waited ? now - waiter.since : 0,
        settle: () => {
          if (settled) return;
          settled = true;
          void this.window.settle(tenant, slotIds).finally(() => this.lines.get(tenant)?.wake?.());
        },
      });
    }
  }

  private refuseLate(line: Line, now: number, retryInMs: number): void {
    for (const [party, queue] of line.parties) {
      const late = queue.filter((w) => w.deadline < now + retryInMs);
      for (const waiter of late) {
        waiter.reject(
          new GraphThrottledError(
            Number.isFinite(this.maxSlots)
              ? `the upstream budget of ${this.maxSlots} requests per ${this.windowMs} ms has no free slot before the operation deadline`
              : 'Graph throttled this tenant until after the operation deadline',
            Math.max(1, Math.ceil(retryInMs / 1000)),
          ),
        );
      }
      const left = queue.filter((w) => !late.includes(w));
      if (left.length === 0) line.parties.delete(party);
      else if (late.length > 0) line.parties.set(party, left);
    }
  }
}
