import type { RunningServer } from '../process/RunningServer';
import type { ApiOperations } from '../scenarios/ApiOperations';
import { describeFailure } from './describeFailure';
import type { Measurement } from './Measurement';
import { percentile } from './percentile';

/** One operation after another (at most `maxOps`, or until the scenario ends it), each timed. */
export async function runSequential(server: RunningServer, operations: ApiOperations, maxOps: number): Promise<Measurement> {
  const endpoint = new URL(server.url);
  const durations: number[] = [];
  let failed = 0;
  let failure: string | null = null;
  let previous: unknown;
  const started = performance.now();
  for (let index = 0; index < maxOps; index++) {
    const op = operations.operation(index, previous);
    if (op === null) break;
    const t0 = performance.now();
    let ok = false;
    try {
      const response = await fetch(new URL(op.path ?? endpoint.pathname, endpoint.origin), {
        method: op.method,
        headers: { 'content-type': 'application/json' },
        ...(op.body === undefined ? {} : { body: op.body }),
      });
      const text = await response.text();
      const body: unknown = JSON.parse(text);
      ok = response.status === 200 && operations.check(body);
      previous = ok ? body : undefined;
      if (!ok) failure ??= describeFailure(response.status, text);
    } catch (error) {
      previous = undefined;
      failure ??= error instanceof Error ? error.message : String(error);
    }
    durations.push(performance.now() - t0);
    if (!ok) failed += 1;
  }
  if (operations.complete && !operations.complete()) {
    failed += 1;
    failure ??= 'the run did not see every row exactly once';
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    ops: durations.length,
    sent: durations.length,
    seconds,
    opsPerSecond: durations.length / seconds,
    p50Ms: percentile(durations, 50),
    p99Ms: percentile(durations, 99),
    failed,
    failure,
  };
}
