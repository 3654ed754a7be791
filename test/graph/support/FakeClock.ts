import type { Clock } from '../../../src/graph/types';

/** A clock that moves only when the test says so; sleepers wake in time order. */
export class FakeClock implements Clock {
  private sleepers: { at: number; order: number; wake: () => void }[] = [];
  private order = 0;

  constructor(private time = 1_700_000_000_000) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((wake) => {
      const sleeper = { at: this.time + Math.max(0, ms), order: this.order++, wake };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        wake();
      }, { once: true });
    });
  }

  /** Moves time forward, waking every sleeper that is due, and lets their continuations run. */
  async advance(ms: number): Promise<void> {
    this.time += ms;
    const due = this.sleepers.filter((s) => s.at <= this.time).sort((a, b) => a.at - b.at || a.order - b.order);
    this.sleepers = this.sleepers.filter((s) => s.at > this.time);
    for (const sleeper of due) sleeper.wake();
    // A macrotask turn runs every microtask queued meanwhile, however long the chain of awaits.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
