import { HttpFailure } from './http';
import type { GraphRequest } from './types';
import { reportPathOf } from './urls';

/** The report a request reads, as a lane of the socket bulkhead: its version and report path (see reportPathOf). */
export function laneOf(request: GraphRequest): string {
  return `${request.version}/${reportPathOf(request.url)}`;
}

interface Lane {
  active: number;
  readonly waiting: (() => void)[];
}

/**
 * Bounds the sockets the requests of one report may hold at once to `perLane`, a share of the keep-alive
 * pool: a report upstream does not answer (hung, or slower than the attempt timeout) holds at most its
 * share, and the rest of the pool stays free for every other report (README: Degraded modes). A request
 * beyond the share waits in its lane's queue, first come first served, for as long as its attempt may
 * last; when the attempt's signal fires first, it fails as a timeout without having taken a socket.
 */
export class SocketBulkhead {
  private readonly lanes = new Map<string, Lane>();

  constructor(readonly perLane: number) {
    if (!Number.isInteger(perLane) || perLane < 1) throw new RangeError(`sockets per report must be a positive integer, but got: ${perLane}`);
  }

  /**
   * Runs `work` holding a place in each of `lanes` (an envelope carrying two reports holds one in both).
   * Places are taken in sorted lane order, so two envelopes never wait on each other around a cycle.
   * Rejects with HttpFailure('timeout') when `signal` fires while waiting.
   */
  async run<T>(lanes: readonly string[], signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    const names = [...new Set(lanes)].sort();
    const held: string[] = [];
    try {
      for (const name of names) {
        await this.enter(name, signal);
        held.push(name);
      }
      return await work();
    } finally {
      for (const name of held) this.leave(name);
    }
  }

  /** Requests holding or waiting for a place in `lane` (for tests and diagnostics). */
  load(lane: string): { readonly active: number; readonly waiting: number } {
    const found = this.lanes.get(lane);
    return { active: found?.active ?? 0, waiting: found?.waiting.length ?? 0 };
  }

  private enter(name: string, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(new HttpFailure('timeout'));
    let lane = this.lanes.get(name);
    if (lane === undefined) {
      lane = { active: 0, waiting: [] };
      this.lanes.set(name, lane);
    }
    if (lane.active < this.perLane) {
      lane.active += 1;
      return Promise.resolve();
    }
    const queue = lane;
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal.removeEventListener('abort', abort);
        resolve();
      };
      const abort = (): void => {
        const at = queue.waiting.indexOf(grant);
        if (at >= 0) queue.waiting.splice(at, 1);
        reject(new HttpFailure('timeout'));
      };
      queue.waiting.push(grant);
      signal.addEventListener('abort', abort, { once: true });
    });
  }

  /** Hands the place to the next in line, or frees it; an idle lane is forgotten. */
  private leave(name: string): void {
    const lane = this.lanes.get(name);
    if (lane === undefined) return;
    const next = lane.waiting.shift();
    if (next !== undefined) return next();
    lane.active -= 1;
    if (lane.active === 0) this.lanes.delete(name);
  }
}
