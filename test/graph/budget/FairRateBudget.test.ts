import { FairRateBudget, minimumBudgetWaitMs, type SlotGrant, type SlotRequest } from '../../../src/graph/budget';
import { GraphThrottledError } from '../../../src/graph/errors';
import { MemorySlotWindow } from '../../../src/graph/slotWindow';
import { FakeClock } from '../support/FakeClock';

const WINDOW_MS = 10_000;

function budgetOf(limit: number, clock = new FakeClock()): { budget: FairRateBudget; clock: FakeClock } {
  return { budget: new FairRateBudget(limit, new MemorySlotWindow(limit, WINDOW_MS, 30_000, clock), clock, WINDOW_MS), clock };
}

const ask = (slots: number, party = 'a', deadline = Number.MAX_SAFE_INTEGER, resume = false): SlotRequest => ({ tenant: 't1', party, slots, deadline, resume });

/** Takes `slots` and stamps them at once, as a request answered instantly would. */
async function spend(budget: FairRateBudget, request: SlotRequest): Promise<SlotGrant> {
  const grant = await budget.acquire(request);
  grant.settle();
  return grant;
}

describe('FairRateBudget', () => {
  it('grants a full window at once and makes the next request wait until a slot leaves the window', async () => {
    const { budget, clock } = budgetOf(5);
    for (let i = 0; i < 5; i += 1) expect((await spend(budget, ask(1))).waitMs).toBe(0);
    let waited: number | undefined;
    void budget.acquire(ask(1)).then((grant) => (waited = grant.waitMs));
    await clock.advance(WINDOW_MS - 1);
    expect(waited).toBeUndefined();
    await clock.advance(1);
    expect(waited).toBe(WINDOW_MS);
  });

  it('grants what is free now when a request wants more, so an envelope leaves partly instead of idling the window', async () => {
    const { budget, clock } = budgetOf(5);
    await spend(budget, ask(3));
    const part = await budget.acquire(ask(5));
    expect(part.slots).toBe(2);
    part.settle();
    let rest: SlotGrant | undefined;
    void budget.acquire(ask(3, 'a', Number.MAX_SAFE_INTEGER, true)).then((grant) => (rest = grant));
    await clock.advance(WINDOW_MS);
    expect(rest?.slots).toBe(3);
  });

  it('stamps a slot when its answer arrives: a slow request holds its slot one window past its answer', async () => {
    const { budget, clock } = budgetOf(1);
    const slow = await budget.acquire(ask(1));
    await clock.advance(3_000);
    slow.settle();
    let next: SlotGrant | undefined;
    void budget.acquire(ask(1)).then((grant) => (next = grant));
    await clock.advance(WINDOW_MS - 1);
    expect(next).toBeUndefined();
    await clock.advance(1);
    expect(next?.waitMs).toBe(WINDOW_MS);
  });

  it('shares free slots in turn between parties, so a small request waits for one slot, not for a large one', async () => {
    const { budget, clock } = budgetOf(5);
    await spend(budget, ask(5, 'large'));
    const order: string[] = [];
    const large = [1, 2, 3, 4].map(() => budget.acquire(ask(5, 'large')).then((g) => { order.push(`large:${g.slots}`); g.settle(); }));
    await clock.advance(1);
    const small = budget.acquire(ask(1, 'small')).then((g) => { order.push(`small:${g.slots}`); g.settle(); });
    await clock.advance(WINDOW_MS);
    await small;
    // The window's five slots go round: large, small, then the rest to large.
    expect(order).toEqual(['large:4', 'small:1']);
    for (let i = 0; i < 6; i += 1) await clock.advance(WINDOW_MS);
    await Promise.all(large);
  });

  it('serves one party first come, first served, and a resumed request keeps its place', async () => {
    const { budget, clock } = budgetOf(2);
    await spend(budget, ask(2));
    const order: string[] = [];
    const served = (name: string) => (g: SlotGrant) => {
      order.push(`${name}:${g.slots}`);
      g.settle();
    };
    const first = budget.acquire(ask(2, 'a')).then(served('first'));
    const second = budget.acquire(ask(1, 'a')).then(served('second'));
    const resumed = budget.acquire(ask(1, 'a', Number.MAX_SAFE_INTEGER, true)).then(served('resumed'));
    await clock.advance(WINDOW_MS);
    await Promise.all([first, resumed]);
    // Two slots came free: the resumed request first, then one of the two the first request wanted.
    expect(order).toEqual(['resumed:1', 'first:1']);
    await clock.advance(WINDOW_MS);
    await second;
    expect(order).toEqual(['resumed:1', 'first:1', 'second:1']);
  });

  it('refuses at once, with the seconds to wait, a request that cannot get a slot before its deadline', async () => {
    const { budget, clock } = budgetOf(5);
    await spend(budget, ask(5));
    await clock.advance(2_500);
    const refusal = await budget.acquire(ask(1, 'b', clock.now() + 5_000)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GraphThrottledError);
    expect((refusal as GraphThrottledError).retryAfterSeconds).toBe(8);
  });

  it('holds every party back while the tenant is throttled, and keeps tenants apart', async () => {
    const { budget, clock } = budgetOf(5);
    budget.throttle('t1', clock.now() + 2_000);
    await clock.advance(0);
    let granted = false;
    void budget.acquire(ask(1, 'b')).then(() => (granted = true));
    await expect(budget.acquire({ ...ask(1), tenant: 't2' })).resolves.toMatchObject({ slots: 1, waitMs: 0 });
    await clock.advance(1_999);
    expect(granted).toBe(false);
    await clock.advance(1);
    expect(granted).toBe(true);
  });

  it('refuses more slots than the window holds, naming the limit and the value', async () => {
    const { budget } = budgetOf(5);
    await expect(budget.acquire(ask(6))).rejects.toThrow('slots must be between 1 and 5, but got: 6');
  });
});

describe('minimumBudgetWaitMs', () => {
  it('is the windows that must pass before the last slot: 5 slots none, 6 one, 41 eight', () => {
    const rate = { requests: 5, windowMs: 10_000 };
    expect(minimumBudgetWaitMs(5, rate)).toBe(0);
    expect(minimumBudgetWaitMs(6, rate)).toBe(10_002);
    expect(minimumBudgetWaitMs(41, rate)).toBe(8 * 10_002);
  });
});
