import { MemoryRateBudget } from '../../../src/graph/budget';
import { GraphThrottledError } from '../../../src/graph/errors';
import { FakeClock } from '../support/FakeClock';

const WINDOW_MS = 10_000;

describe('MemoryRateBudget', () => {
  it('grants a full window at once and makes the next caller wait for the window to slide', async () => {
    const clock = new FakeClock();
    const budget = new MemoryRateBudget(5, WINDOW_MS, clock);
    const granted: number[] = [];
    for (let i = 0; i < 5; i += 1) granted.push(await budget.acquire('t1', 1, clock.now() + 60_000));
    expect(granted).toEqual([0, 0, 0, 0, 0]);

    let waited: number | undefined;
    void budget.acquire('t1', 1, clock.now() + 60_000).then((ms) => (waited = ms));
    await clock.advance(WINDOW_MS - 1);
    expect(waited).toBeUndefined();
    await clock.advance(1);
    expect(waited).toBe(WINDOW_MS);
  });

  it('counts every slot of a multi-slot acquire, as an envelope of 7 inner requests takes 7', async () => {
    const clock = new FakeClock();
    const budget = new MemoryRateBudget(10, WINDOW_MS, clock);
    await budget.acquire('t1', 7, clock.now() + 60_000);
    await expect(budget.acquire('t1', 4, clock.now() + 1_000)).rejects.toBeInstanceOf(GraphThrottledError);
    await expect(budget.acquire('t1', 3, clock.now())).resolves.toBe(0);
  });

  it('serves waiting callers in arrival order, a small late request never overtaking a big early one', async () => {
    const clock = new FakeClock();
    const budget = new MemoryRateBudget(5, WINDOW_MS, clock);
    await budget.acquire('t1', 4, clock.now() + 60_000);
    const order: string[] = [];
    const big = budget.acquire('t1', 5, clock.now() + 60_000).then(() => order.push('big'));
    await clock.advance(1);
    // One slot is free now, but the big request arrived first and is owed the window.
    const small = budget.acquire('t1', 1, clock.now() + 60_000).then(() => order.push('small'));
    await clock.advance(WINDOW_MS);
    expect(order).toEqual(['big']);
    // The big request filled the next window, so the small one gets the one after.
    await clock.advance(WINDOW_MS);
    await Promise.all([big, small]);
    expect(order).toEqual(['big', 'small']);
  });

  it('refuses at once, with the seconds to wait, when the slots cannot be had before the deadline', async () => {
    const clock = new FakeClock();
    const budget = new MemoryRateBudget(5, WINDOW_MS, clock);
    await budget.acquire('t1', 5, clock.now() + 60_000);
    await clock.advance(2_500);
    const refusal = await budget.acquire('t1', 1, clock.now() + 5_000).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(GraphThrottledError);
    expect((refusal as GraphThrottledError).retryAfterSeconds).toBe(8);
    // The refused caller reserved nothing: a caller with time to wait gets the first free slot.
    let waited: number | undefined;
    void budget.acquire('t1', 5, clock.now() + 60_000).then((ms) => (waited = ms));
    await clock.advance(7_500);
    expect(waited).toBe(7_500);
  });

  it('keeps tenants apart', async () => {
    const clock = new FakeClock();
    const budget = new MemoryRateBudget(2, WINDOW_MS, clock);
    await budget.acquire('t1', 2, clock.now());
    await expect(budget.acquire('t2', 2, clock.now())).resolves.toBe(0);
    await expect(budget.acquire('t1', 1, clock.now())).rejects.toBeInstanceOf(GraphThrottledError);
  });

  it('refuses more slots than the window holds, naming the limit and the value', async () => {
    const budget = new MemoryRateBudget(5, WINDOW_MS, new FakeClock());
    await expect(budget.acquire('t1', 6, Number.MAX_SAFE_INTEGER)).rejects.toThrow('slots must be between 1 and 5, but got: 6');
  });
});
