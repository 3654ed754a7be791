import type { RunningServer } from './RunningServer';

/** A bench child process started by startChild: a server plus a request/answer channel over IPC. */
export interface BenchChild extends RunningServer {
  call<T>(type: string, payload?: unknown): Promise<T>;
}
