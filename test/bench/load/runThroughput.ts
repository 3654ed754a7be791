import type { RunningServer } from '../process/RunningServer';
import type { ApiOperations } from '../scenarios/ApiOperations';
import { describeFailure } from './describeFailure';
import { loadAutocannon } from './loadAutocannon';
import type { Measurement } from './Measurement';

/** autocannon against one contender: fixed connections for a fixed duration, on loopback. */
export async function runThroughput(server: RunningServer, operations: ApiOperations, options: { connections: number; durationSeconds: number }): Promise<Measurement> {
  const endpoint = new URL(server.url);
  let index = 0;
  let failed = 0;
  let failure: string | null = null;
  const result = await loadAutocannon()({
    url: endpoint.origin,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const op = operations.operation(index++, undefined);
          if (op === null) throw new Error('a throughput scenario must always have a next operation');
          return { ...request, method: op.method, path: op.path ?? endpoint.pathname, ...(op.body === undefined ? {} : { body: op.body }) };
        },
        onResponse: (status, text) => {
          let ok = false;
          try {
            ok = status === 200 && operations.check(JSON.parse(text));
          } catch {
            ok = false;
          }
          if (ok) return;
          failed += 1;
          failure ??= describeFailure(status, text);
        },
      },
    ],
  });
  const ops = result.requests.total;
  return {
    ops,
    sent: result.requests.sent,
    seconds: result.duration,
    opsPerSecond: ops / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failed: failed + result.errors,
    failure: failure ?? (result.errors > 0 ? `${result.errors} connection errors (${result.timeouts} timeouts)` : null),
  };
}
